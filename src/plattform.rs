//! What differs on Windows: the program is a window program (no console window from the Start
//! menu), so a command started from a terminal attaches to that terminal to print there.

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
