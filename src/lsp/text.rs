//! Positions as the protocol counts them: lines and UTF-16 code units, turned into byte offsets
//! of the text and back, and the editor's changes applied to a document's text.
//!
//! Every position a client sends is clamped into the text: past the end of a line is its end,
//! past the last line is the end of the text, inside a character is its start. Nothing a client
//! sends can make the server slice a string off a character boundary.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

/// Where each line of a text starts, to turn byte offsets into positions and back in
/// logarithmic time.
#[derive(Clone, Debug)]
pub(crate) struct LineIndex {
    /// The byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl LineIndex {
    /// The index of `text`'s lines, which end at `\n` (a `\r` before it belongs to its line, as
    /// the protocol counts it).
    pub(crate) fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(at, _)| at + 1),
        );
        LineIndex { starts }
    }

    /// The position of byte `offset` of `text` (clamped to the text, and to the start of the
    /// character it falls in).
    pub(crate) fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_boundary(text, offset);
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let character = text[start..offset].encode_utf16().count();
        Position::new(as_u32(line), as_u32(character))
    }

    /// The byte offset of `position` in `text`, clamped as the module says.
    pub(crate) fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |&next| next - 1);
        let line = &text[start..end];
        let line = line.strip_suffix('\r').unwrap_or(line);
        let mut units = 0;
        let wanted = position.character as usize;
        for (at, c) in line.char_indices() {
            units += c.len_utf16();
            // At the character's start, or inside it (between the halves of a surrogate pair).
            if units > wanted {
                return start + at;
            }
        }
        start + line.len()
    }

    /// The range of bytes `start..end` of `text`.
    pub(crate) fn range(&self, text: &str, bytes: std::ops::Range<usize>) -> Range {
        Range::new(
            self.position(text, bytes.start),
            self.position(text, bytes.end),
        )
    }
}

/// `offset`, or the start of the character it falls in, within the text.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A count as the protocol's `u32`, saturating: no text the server reads is that long.
fn as_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `text` with the editor's changes applied in order: a change with a range replaces it, one
/// without replaces the whole text.
pub(crate) fn apply(text: &mut String, changes: Vec<TextDocumentContentChangeEvent>) {
    for change in changes {
        match change.range {
            Some(range) => {
                let index = LineIndex::new(text);
                let start = index.offset(text, range.start);
                let end = index.offset(text, range.end).max(start);
                text.replace_range(start..end, &change.text);
            }
            None => *text = change.text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_and_come_back_to_the_same_byte() {
        // "é" is 2 bytes and 1 unit, "𝔄" 4 bytes and 2 units.
        let text = "{\n  \"é𝔄x\": 1\r\n}";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x), Position::new(1, 6));
        assert_eq!(index.offset(text, Position::new(1, 6)), x);
        // Every offset but the one between `\r` and `\n`, which no position names.
        for offset in 0..=text.len() {
            if text.is_char_boundary(offset) && !text[..offset].ends_with('\r') {
                let position = index.position(text, offset);
                assert_eq!(index.offset(text, position), offset, "{position:?}");
            }
        }
    }

    #[test]
    fn positions_out_of_the_text_are_clamped() {
        let text = "ab\n𝔄\n";
        let index = LineIndex::new(text);
        // Past the end of a line, before its `\n`; inside a surrogate pair, at its start.
        assert_eq!(index.offset(text, Position::new(0, 99)), 2);
        assert_eq!(index.offset(text, Position::new(1, 1)), 3);
        assert_eq!(index.offset(text, Position::new(1, 2)), 7);
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        // Inside a UTF-8 character, or past the end of the text.
        assert_eq!(index.position(text, 4), Position::new(1, 0));
        assert_eq!(index.position(text, 999), Position::new(2, 0));
        assert_eq!(LineIndex::new("").offset("", Position::new(3, 3)), 0);
    }

    #[test]
    fn changes_apply_in_order_and_a_change_without_range_replaces_all() {
        let mut text = String::from("{\n  \"id\": \"dsj\"\n}\n");
        let change = |range: Option<Range>, text: &str| TextDocumentContentChangeEvent {
            range,
            range_length: None,
            text: text.to_owned(),
        };
        apply(
            &mut text,
            vec![
                change(
                    Some(Range::new(Position::new(1, 12), Position::new(1, 12))),
                    "-x",
                ),
                change(
                    Some(Range::new(Position::new(1, 3), Position::new(1, 5))),
                    "ID",
                ),
                // An end before its start, or past the text: what is between, clamped.
                change(
                    Some(Range::new(Position::new(9, 0), Position::new(0, 0))),
                    "!",
                ),
            ],
        );
        assert_eq!(text, "{\n  \"ID\": \"dsj-x\"\n}\n!");
        apply(&mut text, vec![change(None, "[]")]);
        assert_eq!(text, "[]");
    }
}
