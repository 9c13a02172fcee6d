use std::time::Duration;

use leptos::prelude::*;

/// Draws its children in a later task than the page around it, so a long page costs the main
/// thread two shorter tasks instead of one long one, and a tap in between is answered sooner.
/// For parts below the story (the comment box), which nobody sees in the first frame.
#[component]
pub fn InLaterTask(children: ChildrenFn) -> impl IntoView {
    let is_due = RwSignal::new(false);
    set_timeout(
        move || {
            // The page may be gone by then; nothing to draw.
            let _ = is_due.try_set(true);
        },
        Duration::ZERO,
    );
    move || is_due.get().then(|| children())
}
