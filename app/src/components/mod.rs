pub mod form;
pub mod layout;
