//! What the caller may do, computed once from who they are (after crates.io's
//! `controllers/helpers/authorization.rs`): handlers ask this value, they never re-decide from the
//! role inline.

use domain::accounts::Role;
use domain::calendar::Horizon;
use domain::consultation::Actor;
use domain::events::Audience;
use domain::ApiMsg;

use crate::auth::Member;
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rights {
    member_id: i64,
    role: Role,
}

impl Rights {
    pub fn of(member: &Member) -> Rights {
        Rights {
            member_id: member.id,
            role: member.role,
        }
    }

    /// Whose booking this is: the caller's own, or — staff only — the member asked for.
    pub fn books_for(&self, requested: Option<i64>) -> Result<i64, ApiError> {
        match requested {
            Some(id) if id != self.member_id && !self.role.is_staff() => Err(ApiError::Forbidden),
            Some(id) => Ok(id),
            None => Ok(self.member_id),
        }
    }

    /// How far ahead the caller may book: staff plan beyond the members' horizon.
    pub fn horizon(&self) -> Horizon {
        if self.role.is_staff() {
            Horizon::Unbounded
        } else {
            Horizon::Rules
        }
    }

    /// The weekly room quota that applies to a booking for `member_id`: none when staff book on
    /// someone else's behalf (the cantine's own arrangements), the rules' quota otherwise.
    pub fn room_quota(&self, member_id: i64, rules_quota: u32) -> Option<u32> {
        if self.role.is_staff() && member_id != self.member_id {
            None
        } else {
            Some(rules_quota)
        }
    }
}

/// The side of the portal a consultation is acted on from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The staff's board.
    Board,
    /// The member's own list, as a volunteer.
    Volunteer,
}

impl Rights {
    /// Who acts on a consultation from `side`: staff on the board (anyone else is refused), the
    /// member as the volunteer it is offered to on their own list (the aggregate then decides
    /// whether it is theirs).
    pub fn on_consultations(&self, side: Side) -> Result<Actor, ApiError> {
        match side {
            Side::Board if self.role.is_staff() => Ok(Actor::Staff(self.member_id)),
            Side::Board => Err(ApiError::Forbidden),
            Side::Volunteer => Ok(Actor::Volunteer(self.member_id)),
        }
    }
}

/// Who acts through a request's private link: whoever holds it is the requester (the link is the
/// only key; it dies when the request is erased).
pub fn link_holder() -> Actor {
    Actor::Requester
}

/// Who may sign up for an event of `audience`, and as whom: anyone for a public event (a logged-in
/// member's sign-up is theirs), only a member's session for a members-only one.
pub fn signs_up_for(caller: Option<&Member>, audience: Audience) -> Result<Option<i64>, ApiError> {
    match (audience, caller) {
        (Audience::Members, None) => Err(ApiError::ForbiddenBecause(ApiMsg::ErrMembersOnly)),
        (_, member) => Ok(member.map(|m| m.id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_only_events_take_members_only() {
        assert!(matches!(
            signs_up_for(None, Audience::Members),
            Err(ApiError::ForbiddenBecause(ApiMsg::ErrMembersOnly))
        ));
        assert_eq!(signs_up_for(None, Audience::Families).ok(), Some(None));
    }

    fn rights(role: Role) -> Rights {
        Rights { member_id: 1, role }
    }

    #[test]
    fn members_book_for_themselves_within_the_rules_and_staff_for_anyone() {
        let member = rights(Role::Member);
        assert_eq!(member.books_for(None).ok(), Some(1));
        assert_eq!(member.books_for(Some(1)).ok(), Some(1));
        assert!(
            matches!(member.books_for(Some(2)), Err(ApiError::Forbidden)),
            "a member booking for another"
        );
        assert_eq!(member.room_quota(1, 360), Some(360));
        assert_eq!(member.horizon(), Horizon::Rules);
        let staff = rights(Role::Staff);
        assert_eq!(staff.books_for(Some(2)).ok(), Some(2));
        assert_eq!(
            staff.room_quota(2, 360),
            None,
            "staff booking for a member skip the quota"
        );
        assert_eq!(
            staff.room_quota(1, 360),
            Some(360),
            "staff booking for themselves do not"
        );
        assert_eq!(staff.horizon(), Horizon::Unbounded);
    }

    #[test]
    fn the_board_is_for_staff_and_a_member_acts_as_a_volunteer() {
        let member = rights(Role::Member);
        assert!(matches!(
            member.on_consultations(Side::Board),
            Err(ApiError::Forbidden)
        ));
        assert_eq!(
            member.on_consultations(Side::Volunteer).ok(),
            Some(Actor::Volunteer(1))
        );
        let staff = rights(Role::Staff);
        assert_eq!(
            staff.on_consultations(Side::Board).ok(),
            Some(Actor::Staff(1))
        );
        assert_eq!(
            staff.on_consultations(Side::Volunteer).ok(),
            Some(Actor::Volunteer(1)),
            "staff who volunteer answer their own offers as volunteers"
        );
        assert_eq!(link_holder(), Actor::Requester);
    }
}
