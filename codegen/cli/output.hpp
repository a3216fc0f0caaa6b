// Conventions every subcommand follows for what it prints:
//  - results on stdout (text, or JSON with --json where a command prints results);
//  - warnings and errors on stderr, one line each, always;
//  - progress only when stderr (train: stdout) is a terminal, and never with -q/--quiet;
//  - -q/--quiet also drops informational lines ("wrote FILE"); results, warnings and errors stay.
#pragma once

namespace minn::cli {

bool& quiet_flag();  // set by main from -q/--quiet
inline bool quiet() { return quiet_flag(); }

// Whether to draw progress on a stream: a terminal, and not --quiet.
bool show_progress(int file_descriptor);

// The exit codes `minnc --help` lists (main.cpp returns them).
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;     // bad input or a failed run: one line naming the file or element
inline constexpr int kExitUsage = 2;     // the command line itself is wrong
inline constexpr int kExitInternal = 3;  // a bug in minnc

}  // namespace minn::cli
