pub mod form;
pub mod keyed;
pub mod layout;
