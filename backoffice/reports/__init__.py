"""The yearly report to the funders: one content, rendered as a page, a PDF and a workbook."""
