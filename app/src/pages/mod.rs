pub mod accessibility;
pub mod eligibility;
pub mod home;
pub mod instructor;
pub mod not_found;
pub mod request;
pub mod stats;
pub mod verify;
