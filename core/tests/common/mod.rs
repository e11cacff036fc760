//! Strategies shared by the property tests: valid plan files with every field drawn at random.
#![allow(dead_code)]

use atelier_core::file::PlanFile;
use atelier_core::opendata::{Dataset, SourceRef};
use atelier_core::plan::{CustomSubtype, Decision, OfficialPopulation, PopulationMeasure};
use atelier_core::provenance::{ActorField, Origin, Origins, Stamp};
use atelier_core::*;
use chrono::{DateTime, NaiveDate, Utc};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};

/// Text of any characters, control characters and non-BMP ones included.
pub fn text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..10).prop_map(String::from_iter)
}

/// Text that is not blank (names, titles).
pub fn name() -> impl Strategy<Value = String> {
    (
        any::<char>().prop_filter("not blank", |c| {
            !atelier_core::text::is_blank(&c.to_string())
        }),
        text(),
    )
        .prop_map(|(c, rest)| format!("{c}{rest}"))
}

pub fn day() -> impl Strategy<Value = NaiveDate> {
    // Years outside 0–9999 too: chrono writes them with a sign (`+12345-01-01`).
    (-50_000i32..50_000, 1u32..=366)
        .prop_filter_map("a real day", |(y, d)| NaiveDate::from_yo_opt(y, d))
}

pub fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

pub fn finite() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("JSON numbers are finite", |x| x.is_finite())
}

pub fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (-62_000_000_000i64..250_000_000_000, 0u32..1_000_000_000)
        .prop_filter_map("a real instant", |(s, n)| DateTime::from_timestamp(s, n))
}

pub fn circle() -> impl Strategy<Value = Circle> {
    select(Circle::ALL.to_vec())
}

pub fn score() -> impl Strategy<Value = Score> {
    select(Score::ALL.to_vec())
}

pub fn family() -> impl Strategy<Value = Family> {
    select(Family::ALL.to_vec())
}

/// An actor with a placeholder id (set by [`plan_file`]).
pub fn actor() -> impl Strategy<Value = Actor> {
    (
        (
            family(),
            text(),
            name(),
            vec(text(), 0..3),
            text(),
            select(EngagementLevel::ALL.to_vec()),
            text(),
            text(),
        ),
        (
            opt(prop_oneof![
                text().prop_map(Subtype::Kit),
                text().prop_map(Subtype::Custom)
            ]),
            opt(any::<bool>()),
            any::<bool>(),
            opt(select(FoundBy::ALL.to_vec())),
            opt(day()),
            opt(select(Relevance::ALL.to_vec())),
            opt(circle()),
        ),
        (opt(source_ref()), origins()),
    )
        .prop_map(
            |(
                (
                    family,
                    actor_type,
                    name,
                    nr_action_types,
                    description,
                    engagement,
                    referent,
                    contact,
                ),
                (subtype, local, partner_funder, found_by, found_on, relevance, circle),
                (source, origins),
            )| Actor {
                edits: Default::default(),
                id: Id::from_random_bytes([0; 16]),
                family,
                actor_type,
                name,
                nr_action_types,
                description,
                engagement,
                referent,
                contact,
                subtype,
                local,
                partner_funder,
                found_by,
                found_on,
                relevance,
                circle,
                source,
                origins,
            },
        )
}

/// Where an open-data actor comes from.
pub fn source_ref() -> impl Strategy<Value = SourceRef> {
    (
        select(vec![Dataset::AdemeCircular, Dataset::InclusionPlaces]),
        text(),
        text(),
        opt(text()),
        opt(text()),
        text(),
        opt(day()),
    )
        .prop_map(
            |(dataset, id, attribution, siret, commune, file, file_date)| SourceRef {
                dataset,
                id,
                attribution,
                siret,
                commune,
                file,
                file_date,
            },
        )
}

/// A few fields' origins.
pub fn origins() -> impl Strategy<Value = Origins> {
    let origin = prop_oneof![
        Just(Origin::Unknown),
        Just(Origin::Typed),
        text().prop_map(|file| Origin::File { file }),
        text().prop_map(|file| Origin::OpenData {
            dataset: Dataset::InclusionPlaces,
            file
        }),
    ];
    let stamp = (0i64..4_000_000_000, origin).prop_map(|(secs, origin)| Stamp {
        at: chrono::DateTime::from_timestamp(secs, 0).unwrap(),
        origin,
    });
    proptest::collection::btree_map(select(ActorField::ALL.to_vec()), stamp, 0..3)
}

pub fn indicator() -> impl Strategy<Value = Indicator> {
    (
        name(),
        text(),
        opt(finite()),
        opt(finite()),
        vec(
            (day(), finite()).prop_map(|(on, value)| Measure { on, value }),
            0..3,
        ),
        vec(
            (2000..2100i32, finite()).prop_map(|(year, value)| YearTarget { year, value }),
            0..2,
        ),
    )
        .prop_map(
            |(name, unit, baseline, target, measures, yearly_targets)| Indicator {
                name,
                unit,
                baseline,
                target,
                measures,
                yearly_targets,
            },
        )
}

/// An action sheet with a placeholder id, and indices of its partner actors.
pub fn action() -> impl Strategy<Value = (ActionSheet, Vec<Index>)> {
    (
        (
            name(),
            select(Axis::ALL.to_vec()),
            text(),
            text(),
            select(ActionStatus::ALL.to_vec()),
            text(),
            text(),
            vec(any::<Index>(), 0..3),
            vec(circle(), 0..3),
            text(),
            opt(select(Priority::ALL.to_vec())),
            any::<bool>(),
        ),
        (
            opt(score()),
            opt(score()),
            opt(day()),
            opt(day()),
            opt(day()),
            opt(select(Phase::ALL.to_vec())),
            vec(
                (
                    select(BudgetKind::ALL.to_vec()),
                    text(),
                    any::<u64>(),
                    opt(any::<i32>()),
                    opt(any::<u64>()),
                )
                    .prop_map(|(kind, label, amount, year, actual)| BudgetLine {
                        kind,
                        label,
                        amount,
                        year,
                        actual,
                    }),
                0..3,
            ),
            vec(indicator(), 0..3),
            vec(text(), 0..3),
            text(),
            opt(text()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (
                    title,
                    axis,
                    description,
                    objectives,
                    status,
                    pilot,
                    pilot_service,
                    partners,
                    circles,
                    publics,
                    priority,
                    quick_win,
                ),
                (
                    effort,
                    impact,
                    start,
                    due,
                    done_on,
                    phase,
                    budget,
                    indicators,
                    nr_types,
                    notes,
                    from_catalogue,
                    workshop,
                ),
            )| {
                let sheet = ActionSheet {
                    edits: Default::default(),
                    id: Id::from_random_bytes([0; 16]),
                    title,
                    axis,
                    description,
                    objectives,
                    status,
                    pilot,
                    pilot_service,
                    actor_ids: Vec::new(),
                    circles,
                    publics,
                    priority,
                    quick_win,
                    effort,
                    impact,
                    start,
                    due,
                    done_on,
                    phase,
                    budget,
                    indicators,
                    nr_types,
                    // A follow-up note drawn from what is at hand (the tuple is full).
                    follow_ups: start
                        .map(|on| FollowUp {
                            on,
                            text: notes.clone(),
                        })
                        .into_iter()
                        .collect(),
                    notes,
                    from_catalogue,
                    workshop,
                };
                (sheet, partners)
            },
        )
}

pub fn mobilisation() -> impl Strategy<Value = (Mobilisation, Vec<Index>)> {
    (
        name(),
        circle(),
        vec(any::<Index>(), 0..3),
        opt(day()),
        text(),
        select(MobilisationStatus::ALL.to_vec()),
        text(),
    )
        .prop_map(|(format, circle, targets, date, owner, status, notes)| {
            let m = Mobilisation {
                edits: Default::default(),
                id: Id::from_random_bytes([0; 16]),
                format,
                circle,
                actor_ids: Vec::new(),
                date,
                owner,
                status,
                notes,
            };
            (m, targets)
        })
}

pub fn need() -> impl Strategy<Value = (Need, Index)> {
    (
        any::<Index>(),
        select(NeedKind::ALL.to_vec()),
        text(),
        opt(day()),
        select(NeedStatus::ALL.to_vec()),
        text(),
        any::<bool>(),
    )
        .prop_map(
            |(actor, kind, description, expressed_on, status, follow_up, workshop)| {
                let n = Need {
                    edits: Default::default(),
                    id: Id::from_random_bytes([0; 16]),
                    actor_id: Id::from_random_bytes([0; 16]),
                    kind,
                    description,
                    expressed_on,
                    status,
                    follow_up,
                    workshop,
                };
                (n, actor)
            },
        )
}

pub fn plan() -> impl Strategy<Value = Plan> {
    let official = (
        select(vec![
            PopulationMeasure::Municipale,
            PopulationMeasure::Totale,
        ]),
        2000u16..2100,
        text(),
    )
        .prop_map(|(measure, year, source)| OfficialPopulation {
            measure,
            year,
            source,
        });
    (plan_base(), opt(text()), opt(official), vec(text(), 0..3)).prop_map(
        |(mut plan, code, official, members)| {
            plan.territory.code = code;
            plan.territory.official = official;
            plan.territory.members = members;
            plan
        },
    )
}

fn plan_base() -> impl Strategy<Value = Plan> {
    (
        (
            name(),
            text(),
            select(TerritoryKind::ALL.to_vec()),
            opt(any::<u32>()),
            vec(
                (family(), opt(any::<bool>()), text(), opt(day())).prop_map(
                    |(family, local_only, note, decided_on)| Decision {
                        family,
                        local_only,
                        note,
                        decided_on,
                    },
                ),
                0..3,
            ),
            vec(text(), 0..5),
            vec(
                (family(), text()).prop_map(|(family, label)| CustomSubtype { family, label }),
                0..3,
            ),
            vec(
                (circle(), text()).prop_map(|(circle, label)| CustomFormat { circle, label }),
                0..3,
            ),
        ),
        (
            text(),
            text(),
            opt(select(ReviewCadence::ALL.to_vec())),
            opt(day()),
            opt(day()),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (
                    name,
                    territory,
                    kind,
                    population,
                    decisions,
                    engagement_labels,
                    custom_subtypes,
                    custom_formats,
                ),
                (steering_body, internal_members, cadence, last_review, next_review, example),
            )| Plan {
                edits: Default::default(),
                copied_from: None,
                id: Id::from_random_bytes([0; 16]),
                name,
                territory: Territory {
                    name: territory,
                    kind,
                    population,
                    // Official data is drawn in `plan` (kept apart: tuples of strategies
                    // stop at twelve).
                    ..Territory::default()
                },
                decisions,
                engagement_labels,
                custom_subtypes,
                custom_formats,
                governance: Governance {
                    steering_body,
                    member_ids: Vec::new(),
                    cadence,
                    adopted_on: last_review,
                    deliberation: internal_members.clone(),
                    budget_debate_on: next_review,
                    internal_members,
                    last_review,
                    next_review,
                },
                example,
            },
        )
}

/// A valid plan file: every field drawn at random, ids unique, every link to an actor of the
/// file.
pub fn plan_file() -> impl Strategy<Value = PlanFile> {
    (
        plan(),
        vec(any::<Index>(), 0..3),
        vec(actor(), 0..4),
        vec(action(), 0..4),
        vec(mobilisation(), 0..3),
        vec(need(), 0..3),
        opt(instant()),
        any::<u128>(),
    )
        .prop_map(
            |(mut plan, members, mut actors, actions, mobilisations, needs, exported_at, seed)| {
                let mut next = seed;
                let mut new_id = || {
                    next = next.wrapping_add(1);
                    Id::from_random_bytes(next.to_be_bytes())
                };
                plan.id = new_id();
                for a in &mut actors {
                    a.id = new_id();
                }
                let link = |picks: &[Index]| -> Vec<Id> {
                    if actors.is_empty() {
                        return Vec::new();
                    }
                    picks
                        .iter()
                        .map(|i| actors[i.index(actors.len())].id)
                        .collect()
                };
                plan.governance.member_ids = link(&members);
                let actions = actions
                    .into_iter()
                    .map(|(mut a, partners)| {
                        a.id = new_id();
                        a.actor_ids = link(&partners);
                        a
                    })
                    .collect();
                let mobilisations = mobilisations
                    .into_iter()
                    .map(|(mut m, targets)| {
                        m.id = new_id();
                        m.actor_ids = link(&targets);
                        m
                    })
                    .collect();
                let needs = needs
                    .into_iter()
                    .filter(|_| !actors.is_empty())
                    .map(|(mut n, who)| {
                        n.id = new_id();
                        n.actor_id = actors[who.index(actors.len())].id;
                        n
                    })
                    .collect();
                let mut file = PlanFile::new(plan, actors, actions, exported_at);
                file.mobilisations = mobilisations;
                file.needs = needs;
                file
            },
        )
}
