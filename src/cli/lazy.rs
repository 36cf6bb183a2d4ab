//! `Lazy<T>`: a command's arguments (or a command group's subcommands) added to clap's
//! definition only when clap builds that command. Every cove process parses its command
//! line; building the definitions of all ~200 commands (`run` and `create` alone have 130
//! flags each, and appear twice) cost more than a millisecond of each `cove run`, while
//! the parse only ever enters one path. Help, completions and man pages build the whole
//! tree and see every definition as before. A group's commands get their EXAMPLES
//! sections when the group is built.
//!
//! Not for a top-level command with an argument of a global's id (`run --runtime`,
//! `build --hooks-dir`): clap gives a command the global arguments it lacks before it
//! adds the deferred ones, and the command would have both. That order is also why the
//! completion scripts list a deferred command's global flags first; help sorts them.

use std::ops::{Deref, DerefMut};

use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand};

#[derive(Debug)]
pub struct Lazy<T>(pub T);

impl<T> Deref for Lazy<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Lazy<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(m).map(Lazy)
    }
    fn from_arg_matches_mut(m: &mut ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches_mut(m).map(Lazy)
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(m)
    }
    fn update_from_arg_matches_mut(&mut self, m: &mut ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches_mut(m)
    }
}

impl<T: Args> Args for Lazy<T> {
    fn augment_args(cmd: Command) -> Command {
        cmd.defer(|c| keep_about(c, T::augment_args))
    }
    fn augment_args_for_update(cmd: Command) -> Command {
        cmd.defer(|c| keep_about(c, T::augment_args_for_update))
    }
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

/// `augment` applied to `cmd` without replacing its description: the derive sets a
/// command's `about` from its variant's doc comment after adding the arguments or
/// subcommands, whose structs and enums (and what they flatten) set their own when added
/// later.
fn keep_about(cmd: Command, augment: fn(Command) -> Command) -> Command {
    let about = cmd.get_about().cloned();
    let long_about = cmd.get_long_about().cloned();
    let cmd = augment(cmd);
    let Some(about) = about else { return cmd };
    let cmd = cmd.about(about);
    match long_about {
        Some(l) => cmd.long_about(l),
        None => cmd.long_about(None::<&'static str>),
    }
}

impl<T: Subcommand> Subcommand for Lazy<T> {
    fn augment_subcommands(cmd: Command) -> Command {
        cmd.defer(|c| super::examples::nested(keep_about(c, T::augment_subcommands)))
    }
    fn augment_subcommands_for_update(cmd: Command) -> Command {
        cmd.defer(|c| super::examples::nested(keep_about(c, T::augment_subcommands_for_update)))
    }
    fn has_subcommand(name: &str) -> bool {
        T::has_subcommand(name)
    }
}
