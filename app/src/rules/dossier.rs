//! The file's life (rules.md §4): which state follows which action, and who may act.

code_enum! {
    pub enum DossierState {
        Draft => "draft",
        Submitted => "submitted",
        InReview => "in_review",
        ChangesRequested => "changes_requested",
        Accepted => "accepted",
        Refused => "refused",
        Closed => "closed",
    }
}

code_enum! {
    pub enum Action {
        /// The applicant files the draft (dépôt), or files again after changes.
        Submit => "submit",
        /// An instructor finds the file complete and starts instruction.
        TakeInReview => "take_in_review",
        RequestChanges => "request_changes",
        Accept => "accept",
        Refuse => "refuse",
        /// Classer sans suite.
        Close => "close",
    }
}

code_enum! {
    pub enum Actor {
        Applicant => "applicant",
        Instructor => "instructor",
    }
}

/// Why a transition is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransitionError {
    /// This action does not apply to a file in this state.
    NotAllowedFrom(DossierState),
    /// This actor may not take this action.
    WrongActor,
}

impl Action {
    pub const fn actor(self) -> Actor {
        match self {
            Action::Submit => Actor::Applicant,
            _ => Actor::Instructor,
        }
    }

    /// Refusal needs a reason, a change request a message (rules.md §4).
    pub const fn needs_reason(self) -> bool {
        matches!(self, Action::Refuse | Action::RequestChanges)
    }
}

impl DossierState {
    pub const fn is_final(self) -> bool {
        matches!(
            self,
            DossierState::Accepted | DossierState::Refused | DossierState::Closed
        )
    }

    /// The state after `action` by `actor`, or why it cannot happen.
    pub fn apply(self, action: Action, actor: Actor) -> Result<DossierState, TransitionError> {
        use Action::*;
        use DossierState::*;
        if action.actor() != actor {
            return Err(TransitionError::WrongActor);
        }
        match (self, action) {
            (Draft | ChangesRequested, Submit) => Ok(Submitted),
            (Submitted, TakeInReview) => Ok(InReview),
            (Submitted | InReview, RequestChanges) => Ok(ChangesRequested),
            (InReview, Accept) => Ok(Accepted),
            (InReview, Refuse) => Ok(Refused),
            (Submitted | InReview, Close) => Ok(Closed),
            _ => Err(TransitionError::NotAllowedFrom(self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use Action::*;
    use DossierState::*;

    #[test]
    fn transition_table() {
        let allowed = [
            (Draft, Submit, Submitted),
            (ChangesRequested, Submit, Submitted),
            (Submitted, TakeInReview, InReview),
            (Submitted, RequestChanges, ChangesRequested),
            (InReview, RequestChanges, ChangesRequested),
            (InReview, Accept, Accepted),
            (InReview, Refuse, Refused),
            (Submitted, Close, Closed),
            (InReview, Close, Closed),
        ];
        for state in DossierState::ALL {
            for action in Action::ALL {
                let expected = allowed
                    .iter()
                    .find(|(s, a, _)| s == state && a == action)
                    .map(|(_, _, to)| *to);
                let got = state.apply(*action, action.actor()).ok();
                assert_eq!(got, expected, "{state} --{action}-->");
            }
        }
    }

    #[test]
    fn actors_are_checked() {
        assert_eq!(
            Draft.apply(Submit, Actor::Instructor),
            Err(TransitionError::WrongActor)
        );
        assert_eq!(
            InReview.apply(Accept, Actor::Applicant),
            Err(TransitionError::WrongActor)
        );
    }

    proptest! {
        /// Final states are final, and no sequence of actions leads back to a draft.
        #[test]
        fn final_states_never_move(actions in prop::collection::vec(prop::sample::select(Action::ALL.to_vec()), 0..30)) {
            let mut state = Draft;
            for action in actions {
                let before = state;
                if let Ok(next) = state.apply(action, action.actor()) {
                    prop_assert!(!before.is_final());
                    prop_assert_ne!(next, Draft);
                    state = next;
                }
            }
        }
    }
}
