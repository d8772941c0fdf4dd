"""Internals of the segment stage (pipeline/stages/segment.py): enumeration markers, marker-less
headings and lead paragraphs, and the section tree. Patterns and thresholds are data in
pipeline/resources/segment_*."""
