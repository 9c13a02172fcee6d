//! Sharing a list of independent jobs among the machine's cores.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Runs `work` on every item, one thread per core taking the next item as it is free. Stops
/// handing out items after the first error, which it returns.
pub fn try_for_each<T: Sync, E: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<(), E> + Sync,
) -> Result<(), E> {
    try_for_each_at_most(usize::MAX, items, work)
}

/// As [`try_for_each`], with at most `max_workers` threads: for jobs that each take a lot of
/// memory or cores of their own.
pub fn try_for_each_at_most<T: Sync, E: Send>(
    max_workers: usize,
    items: &[T],
    work: impl Fn(&T) -> Result<(), E> + Sync,
) -> Result<(), E> {
    let next = AtomicUsize::new(0);
    let failure = Mutex::new(None::<E>);
    let n_cores = std::thread::available_parallelism().map_or(1, usize::from);
    let n_workers = n_cores.min(max_workers).min(items.len()).max(1);
    std::thread::scope(|scope| {
        for _ in 0..n_workers {
            scope.spawn(|| loop {
                let has_failed = failure.lock().map_or(true, |failure| failure.is_some());
                let Some(item) = items.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                if has_failed {
                    break;
                }
                if let Err(error) = work(item) {
                    if let Ok(mut failure) = failure.lock() {
                        failure.get_or_insert(error);
                    }
                    break;
                }
            });
        }
    });
    match failure.into_inner().ok().flatten() {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// `map` of every item on every core, results in the items' order.
pub fn map<T: Sync, R: Send>(items: &[T], map: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    let indices: Vec<usize> = (0..items.len()).collect();
    let _ = try_for_each(&indices, |&idx| {
        let result = map(&items[idx]);
        if let Ok(mut slot) = results[idx].lock() {
            *slot = Some(result);
        }
        Ok::<(), ()>(())
    });
    results
        .into_iter()
        .filter_map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_is_done_once_in_order_and_the_first_error_returned() {
        let squares = map(&[1, 2, 3, 4, 5], |n| n * n);
        assert_eq!(squares, vec![1, 4, 9, 16, 25]);
        let result = try_for_each(&(0..100).collect::<Vec<u32>>(), |&n| {
            if n == 42 {
                Err(format!("item {n} failed"))
            } else {
                Ok(())
            }
        });
        assert_eq!(result, Err("item 42 failed".to_owned()));
    }
}
