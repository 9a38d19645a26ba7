from govlint.rule import Rule


class PartlyReadInput(Rule):
    """Part of the file was not read: what it holds is not checked.

    Why it matters: govlint bounds the work one file may cost, so that a hostile or broken page
    cannot stall a run over a province's reports. Where a bound cuts a file short, the cells
    left out are neither parsed nor checked, and a mistake in them would go unseen: this
    finding says so, with the place and the count, rather than passing over it in silence.
    Raised by the loaders: a table that passes 200,000 grid positions (in HTML, with its row and
    column spans laid out; in Markdown and text, one cell each) keeps the cells before that point
    only, so that a hostile file of a million-cell table line costs what a sane report costs; and a
    text or Markdown file past 200,000 lines keeps the lines before that point, an HTML page
    past 200,000 paragraphs and tables the ones before, and an HTML page of more than 500,000
    tags (counted as "<") is read up to the "<" past them, since lxml's tree of such a page would
    take hundreds of megabytes before any bound could apply (a report has a few thousand lines
    and tags, a few hundred paragraphs).

    Failing example: a ``<table>`` whose cells span 200 rows and 200 columns each, five of them
    in its first row, then more cells → 表格展开合并单元格后超过 200000 格，其后的 1 个单元格未读取.

    Passing example: any real report's tables (a table 三 has about 300 grid positions).
    """

    code = "GL006"
    name = "partly-read-input"
    severity = "warning"
    summary = "文件的一部分超出读取上限（如展开后超过 200000 格的表格），其中内容未检查"
