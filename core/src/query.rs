//! Searching, filtering and sorting the census table, as plain functions over actors so that
//! they are tested natively and timed by the benchmark.

use crate::text::fold;
use crate::{Actor, Circle, EngagementLevel, Family, Plan, Relevance};
use std::cmp::Ordering;

/// What the user asked the census table to show. `None` means « all ».
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActorQuery {
    /// Words searched in name, type, description, NR types and referent (folded, all must
    /// appear).
    pub text: String,
    pub family: Option<Family>,
    /// A subtype label (kit or custom), as [`crate::Subtype::label`] gives it.
    pub subtype: Option<String>,
    pub engagement: Option<EngagementLevel>,
    pub relevance: Option<Relevance>,
    pub circle: Option<Circle>,
    /// An NR action type label.
    pub nr_type: Option<String>,
    pub local: Option<bool>,
    /// Apply the plan's « local only » decisions (on by default in the UI).
    pub apply_decisions: bool,
}

/// A column the table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Type,
    Family,
    NrTypes,
    Engagement,
    Relevance,
    Circle,
    Referent,
}

/// The folded text an actor is searched in; compute once per actor and keep it.
pub fn search_text(actor: &Actor) -> String {
    fold(&format!(
        "{} {} {} {} {}",
        actor.name,
        actor.actor_type,
        actor.description,
        actor.nr_action_types.join(" "),
        actor.referent
    ))
}

impl ActorQuery {
    /// Whether `actor` (whose [`search_text`] is `haystack`) passes every filter. `needles`
    /// are prepared once per query (see [`ActorQuery::run`]): building a substring searcher
    /// for each of 10 000 actors would cost more than the search itself.
    pub fn matches(
        &self,
        plan: &Plan,
        actor: &Actor,
        haystack: &str,
        needles: &[memchr::memmem::Finder<'_>],
    ) -> bool {
        needles
            .iter()
            .all(|n| n.find(haystack.as_bytes()).is_some())
            && self.family.is_none_or(|f| actor.family == f)
            && self
                .subtype
                .as_ref()
                .is_none_or(|s| actor.subtype.as_ref().is_some_and(|a| a.label() == s))
            && self.engagement.is_none_or(|e| actor.engagement == e)
            && self.relevance.is_none_or(|r| actor.relevance == Some(r))
            && self.circle.is_none_or(|c| actor.circle() == c)
            && self
                .nr_type
                .as_ref()
                .is_none_or(|t| actor.nr_action_types.iter().any(|x| x == t))
            && self.local.is_none_or(|l| actor.local == Some(l))
            && (!self.apply_decisions || plan.keeps(actor))
    }

    /// The folded search words of [`ActorQuery::text`].
    pub fn needles(&self) -> Vec<String> {
        fold(&self.text)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// Indices of the actors that pass, in `actors` order. `haystacks[i]` is
    /// [`search_text`] of `actors[i]`.
    pub fn run(&self, plan: &Plan, actors: &[Actor], haystacks: &[String]) -> Vec<usize> {
        let words = self.needles();
        let needles: Vec<_> = words.iter().map(memchr::memmem::Finder::new).collect();
        (0..actors.len())
            .filter(|&i| self.matches(plan, &actors[i], &haystacks[i], &needles))
            .collect()
    }
}

/// Sorts `indices` (into `actors`) by `key`, ascending or not. Text compares folded, so
/// « Élu » sorts with « elu »; ties keep their order.
pub fn sort(indices: &mut [usize], actors: &[Actor], key: SortKey, ascending: bool) {
    let text = |a: &Actor| -> String {
        match key {
            SortKey::Name => fold(&a.name),
            SortKey::Type => fold(&a.actor_type),
            SortKey::Family => a.family.label().to_owned(),
            SortKey::NrTypes => fold(&a.nr_action_types.join(" ")),
            SortKey::Referent => fold(&a.referent),
            _ => String::new(),
        }
    };
    let rank = |a: &Actor| -> i32 {
        match key {
            SortKey::Engagement => a.engagement as i32,
            SortKey::Relevance => a.relevance.map_or(-1, |r| r as i32),
            SortKey::Circle => i32::from(a.circle().number()),
            _ => 0,
        }
    };
    let numeric = matches!(
        key,
        SortKey::Engagement | SortKey::Relevance | SortKey::Circle
    );
    let mut keyed: Vec<(usize, String, i32)> = indices
        .iter()
        .map(|&i| {
            let a = &actors[i];
            if numeric {
                (i, String::new(), rank(a))
            } else {
                (i, text(a), 0)
            }
        })
        .collect();
    keyed.sort_by(|x, y| {
        let order = x.2.cmp(&y.2).then_with(|| x.1.cmp(&y.1));
        if ascending { order } else { order.reverse() }.then(Ordering::Equal)
    });
    for (slot, (i, _, _)) in indices.iter_mut().zip(keyed) {
        *slot = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::{decode, read_census};
    use crate::ids::{CounterIds, IdGen};
    use crate::plan::Decision;

    fn fixture() -> (Plan, Vec<Actor>, Vec<String>) {
        let bytes = include_bytes!("../../tests/fixtures/recensement-acteurs-exemple.csv");
        let (text, _) = decode(bytes).unwrap();
        let mut ids = CounterIds::default();
        let actors = read_census(&text, &mut ids).unwrap().actors;
        let hay = actors.iter().map(search_text).collect();
        (Plan::new(ids.new_id(), "P"), actors, hay)
    }

    fn names(actors: &[Actor], idx: &[usize]) -> Vec<String> {
        idx.iter().map(|&i| actors[i].name.clone()).collect()
    }

    #[test]
    fn search_ignores_case_and_accents_and_needs_every_word() {
        let (plan, actors, hay) = fixture();
        let q = ActorQuery {
            text: "REGION bretagne".into(),
            ..Default::default()
        };
        assert_eq!(
            names(&actors, &q.run(&plan, &actors, &hay)),
            ["Région Bretagne"]
        );
        let q = ActorQuery {
            text: "reconditionnement".into(),
            ..Default::default()
        };
        assert!(q.run(&plan, &actors, &hay).len() >= 2);
    }

    #[test]
    fn filters_combine() {
        let (plan, actors, hay) = fixture();
        let q = ActorQuery {
            engagement: Some(EngagementLevel::Driving),
            ..Default::default()
        };
        assert_eq!(q.run(&plan, &actors, &hay).len(), 4);
        let q = ActorQuery {
            engagement: Some(EngagementLevel::Driving),
            family: Some(Family::Public),
            ..Default::default()
        };
        assert_eq!(q.run(&plan, &actors, &hay).len(), 4);
        let q = ActorQuery {
            circle: Some(Circle::Two),
            ..Default::default()
        };
        assert_eq!(
            q.run(&plan, &actors, &hay).len(),
            9,
            "4 moteurs and 7 engagés, but ANCT and ADEME (national institutions) in circle 1"
        );
        let q = ActorQuery {
            circle: Some(Circle::One),
            ..Default::default()
        };
        assert_eq!(q.run(&plan, &actors, &hay).len(), 2);
        let q = ActorQuery {
            nr_type: Some("Achats".into()),
            ..Default::default()
        };
        assert_eq!(q.run(&plan, &actors, &hay).len(), 3);
    }

    #[test]
    fn a_local_only_decision_hides_known_non_local_actors() {
        let (mut plan, mut actors, hay) = fixture();
        let i = actors.iter().position(|a| a.name == "Envie 35").unwrap();
        actors[i].local = Some(false);
        plan.decisions.push(Decision {
            family: Family::Association,
            local_only: Some(true),
            note: String::new(),
            decided_on: None,
        });
        let q = ActorQuery {
            apply_decisions: true,
            ..Default::default()
        };
        assert_eq!(q.run(&plan, &actors, &hay).len(), 15);
        let q = ActorQuery {
            apply_decisions: false,
            ..Default::default()
        };
        assert_eq!(q.run(&plan, &actors, &hay).len(), 16);
    }

    #[test]
    fn sorting_by_text_and_by_level() {
        let (_, actors, _) = fixture();
        let mut idx: Vec<usize> = (0..actors.len()).collect();
        sort(&mut idx, &actors, SortKey::Name, true);
        assert_eq!(actors[idx[0]].name, "ADEME Bretagne");
        sort(&mut idx, &actors, SortKey::Engagement, false);
        assert_eq!(actors[idx[0]].engagement, EngagementLevel::Driving);
        assert_eq!(actors[idx[15]].engagement, EngagementLevel::NotIdentified);
    }
}
