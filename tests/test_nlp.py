from pipeline.nlp import doc_from_tokens, make_doc


def test_segmenter_is_pkuseg_with_ctb8_model(nlp):
    assert nlp.tokenizer.segmenter == "pkuseg"
    words = [t.text for t in nlp.make_doc("十堰市郧阳区教育局始终坚持以党建引领为核心")]
    assert words[:3] == ["十堰市", "郧阳区", "教育局"]  # words, not characters
    assert max(len(w) for w in words) >= 3


def test_long_text_is_chunked_not_refused(nlp):
    line = "十堰市郧阳区教育局始终坚持以党建引领为核心。\n"
    text = line * 50
    doc = make_doc(nlp, text, chunk=200)
    assert doc.text == text
    assert [t.text for t in doc][:3] == ["十堰市", "郧阳区", "教育局"]


def test_doc_rebuilt_from_token_starts_is_identical(nlp):
    text = "校长 徐心一出席会议，  撰写学习体会1400余篇。\n第二段"
    doc = nlp.make_doc(text)
    again = doc_from_tokens(nlp, text, [t.idx for t in doc])
    assert again.text == text
    assert [t.text for t in again] == [t.text for t in doc]


def test_the_person_fallback_can_be_switched_off_from_the_environment(monkeypatch):
    from pipeline.nlp import component_config
    assert component_config("cn_entities") == {"person_model": True}
    monkeypatch.setenv("PIPELINE_PERSON_MODEL", "0")
    assert component_config("cn_entities") == {"person_model": False}
    assert component_config("cn_numbers") == {}
