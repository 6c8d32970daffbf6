//! The order in which `n` and `N` walk the questions: sessions by date, each
//! in agenda order, then the motions at no session.

use super::filter::Sieve;
use crate::model::Dataset;
use crate::overview::Places;

/// Every question as (motion position, question position), in review order;
/// a motion on several agendas counts where it comes first.
pub fn order(data: &Dataset, places: &Places) -> Vec<(usize, usize)> {
    let mut seen = vec![false; data.motions.len()];
    let mut out = Vec::new();
    let placed = (0..places.len()).flat_map(|s| places.placements(s).iter().map(|p| p.0));
    for m in placed.chain(places.unplaced().iter().copied()) {
        if std::mem::replace(&mut seen[m], true) {
            continue;
        }
        out.extend((0..data.motions[m].questions.len()).map(|q| (m, q)));
    }
    out
}

/// From `start` (a position in `order`, inclusive) the first question in
/// the direction of travel that is not answered and passes the filter,
/// wrapping around at the end; with whether it wrapped.
pub fn next(
    data: &Dataset,
    filter: &Sieve,
    order: &[(usize, usize)],
    start: isize,
    forward: bool,
) -> Option<((usize, usize), bool)> {
    let len = order.len() as isize;
    if len == 0 {
        return None;
    }
    let step = if forward { 1 } else { -1 };
    (0..len).find_map(|k| {
        let raw = start + k * step;
        let (m, q) = order[raw.rem_euclid(len) as usize];
        let motion = &data.motions[m];
        let question = &motion.questions[q];
        // Withdrawn and done motions wait for no answer; marked answered
        // without a text is still open, as everywhere.
        let wanted = !question.is_done()
            && motion.state.counts()
            && filter.motion(motion)
            && filter.question(motion, question);
        wanted.then_some(((m, q), !(0..len).contains(&raw)))
    })
}
