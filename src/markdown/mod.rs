//! The Markdown subset of `text` keys, turned into structured data for the
//! template (never into markup of the layout engine).
//!
//! The subset is: paragraphs, `*emphasis*`, `**strong**`, bullet lists
//! (`- `, and Word's `•`, `◦`, `▪`) and numbered lists (starting at `1. ` or
//! `1) `; `9. oktober …` is text), inline links to `https://`, `http://` or `mailto:`, block quotes,
//! sub-headings (`## Det politiske system`, one or two levels below the
//! text's section) and pipe tables. Everything else is printed exactly as
//! written: `#1`, a backslash, `&amp;`, `` `code` ``, `<b>` or
//! `![image](x.png)` stay literal text.

mod blocks;
mod convert;
mod reading;
#[cfg(test)]
mod tests;

pub use blocks::{Align, Block, Inline, MarkdownError, plain_text};
pub use convert::{MAX_DEPTH, MAX_URL_BYTES, parse};
