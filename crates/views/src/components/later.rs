use leptos::prelude::*;

use crate::pacing::Pacer;

/// Draws its children in a later task than the page around it where the app's [`Pacer`]
/// defers them (see [`crate::pacing`]), at once otherwise.
#[component]
pub fn Later(
    children: ChildrenFn,
    /// In a later task on screen too, wherever the app provides a pacer: for a part below the
    /// story that nobody sees in the first frame (the comment box), so that a long page costs
    /// two shorter tasks after a link is followed too.
    #[prop(optional)]
    even_on_screen: bool,
) -> impl IntoView {
    let pacer = if even_on_screen {
        use_context::<Pacer>()
    } else {
        Pacer::deferring()
    };
    // Otherwise (on screen, or in the build) a part costs nothing over its children.
    let Some(pacer) = pacer else {
        return children().into_any();
    };
    let is_due = RwSignal::new(false);
    pacer.run_later(move || {
        // The page may be gone by then; nothing to draw.
        let _ = is_due.try_set(true);
    });
    (move || is_due.get().then(|| children())).into_any()
}
