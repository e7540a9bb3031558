//! Pieces shared by the pages: layout and language, forms and their errors, field specs, a
//! step read back in words, keyed re-rendering.

pub mod feedback;
pub mod fields;
pub mod form;
pub mod keyed;
pub mod layout;
pub mod summary;
