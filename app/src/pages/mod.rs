pub mod accessibility;
pub mod eligibility;
pub mod home;
pub mod not_found;
pub mod request;
