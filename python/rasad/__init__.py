"""Rasad: Arabic news to verifiable, structured conflict-event data.

    import rasad
    rec = rasad.extract("قصفت طائرات روسية بلدة في ريف إدلب أمس", published="2024-05-10")
    rec["events"][0]["type"]          # 'ASSAULT'
    recs = rasad.extract_batch(texts)  # parallel, releases the GIL
    recs = rasad.extract_jsonl(lines)  # JSON Lines documents, as `rasad extract --input jsonl`

Every value carries `start`/`end`: code-point offsets into the text, so text[start:end] is the value's text.
"""
from ._rasad import __version__, extract, extract_batch, extract_jsonl

__all__ = ["extract", "extract_batch", "extract_jsonl", "__version__"]
