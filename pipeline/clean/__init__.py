"""The cleaner's parts; `pipeline/stages/clean.py` puts them together.

- `blocks`: the `RawBlock` record and the cue data (pipeline/resources/clean_*.json), loaded once;
- `textblocks`: txt and Markdown input (with inline HTML fragments) -> RawBlocks with raw spans;
- `htmlpage`: whole HTML pages -> RawBlocks (trafilatura main content + lxml for the page chrome);
- `classify`: article / boilerplate decision per block, with a reason;
- `fields`: extract_title, extract_date, extract_source.
"""
