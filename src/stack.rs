//! Recursion as deep as the input: a hostile file nests JSON a million levels deep, a broken
//! description chains units as deep, and the code that follows them recurses. [`grow`] runs a
//! step on a new stack segment when the current one is nearly used up, so that depth costs
//! memory, never a stack overflow, on whatever thread the library is called from.

/// How much stack must be left to run a step without growing it.
const RED_ZONE: usize = 256 * 1024;

/// How much stack each new segment holds.
const SEGMENT: usize = 8 * 1024 * 1024;

/// Runs `step`, on a new stack segment if less than [`RED_ZONE`] is left.
pub(crate) fn grow<R>(step: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, SEGMENT, step)
}
