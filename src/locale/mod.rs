//! Every word the generator writes, in Danish and English: the report's
//! labels, dates written out, and the sentences built from them. The view,
//! the overview and the messages take their wording from here; templates
//! receive it already written.

mod dates;
mod lang;
mod words;

pub use dates::{DA_MONTHS, EN_MONTHS, message_date, read_written_date};
pub use lang::Lang;
pub use words::{Labels, OverviewWords, Vat, WebWords};
