//! Physical line numbers of the records the csv crate reads.

/// Physical 1-based line numbers of byte offsets, which the csv crate gives in increasing
/// order: each stretch of the text is counted once. (Counting from the start of the file for
/// every row made reading quadratic: 100,000 students took half an hour.) A line ends at
/// `\n`, `\r\n` or a lone `\r` (Excel for Mac's "CSV (Macintosh)"), as the csv crate reads them.
pub(super) struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before `at` are counted; `at` lies on line `line`.
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of a record starting at byte `offset`. The csv crate's own line count lags
    /// behind after CRLF and blank lines, and the offset it gives may point at the previous
    /// record's line end; skip those line ends first.
    pub(super) fn at(&mut self, offset: u64) -> u64 {
        let bytes = self.bytes;
        let mut to = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while matches!(bytes.get(to), Some(b'\r' | b'\n')) {
            to += 1;
        }
        if to < self.at {
            // Never seen from the csv crate; recount rather than give a wrong line.
            (self.at, self.line) = (0, 1);
        }
        let ends = (self.at..to)
            .filter(|&i| match bytes.get(i) {
                Some(b'\n') => true,
                Some(b'\r') => bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            })
            .count();
        self.line += ends as u64;
        self.at = to;
        self.line
    }
}
