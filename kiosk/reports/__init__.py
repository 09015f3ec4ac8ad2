"""Training reports for the commune: figures from the progress database over a range of
local dates, written as CSV, XLSX or a one-page PDF, to a file or a USB stick."""
