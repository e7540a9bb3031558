//! Pieces shared by the pages: layout and language, forms and their errors, field specs, a
//! step read back in words.

pub mod feedback;
pub mod fields;
pub mod form;
pub mod layout;
pub mod summary;
