//! What differs on Windows: the program is a window program (no console window from the Start
//! menu), so a command started from a terminal attaches to that terminal to print there, and
//! the console tools it starts (PowerShell, wmic, cmd) must not open console windows of their own.

use std::process::Command;

/// Attaches to the console of the process that started us (cmd, PowerShell), so a command's
/// output shows in the terminal it was started from. Does nothing where there is none, when
/// the output already goes to a file or pipe, and on other systems.
pub fn anslut_till_terminalen() {
    #[cfg(windows)]
    {
        const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
        #[link(name = "kernel32")]
        unsafe extern "system" {
            fn AttachConsole(process_id: u32) -> i32;
        }
        // SAFETY: AttachConsole takes a plain integer and only fails (returns 0) when there is
        // no parent console or one is already attached; either is fine.
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

/// A command for a console tool (PowerShell, wmic, cmd) that opens no console window beside the
/// program on Windows: the window program has no console of its own for the tool to borrow.
pub fn utan_fonster(program: &str) -> Command {
    #[cfg_attr(not(windows), allow(unused_mut))]
    let mut kommando = Command::new(program);
    #[cfg(windows)]
    {
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        kommando.creation_flags(CREATE_NO_WINDOW);
    }
    kommando
}
