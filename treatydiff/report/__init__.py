"""Reports: JSON for other tools, HTML to share, Markdown for briefs, DataFrames for notebooks.

Each format is one module (``to_json``, ``to_html``, ``to_markdown``, ``to_frame``); the values
(`Comparison`, `Timeline`, `Alignment`, `Draft`) call them through their ``to_*`` methods.
"""
