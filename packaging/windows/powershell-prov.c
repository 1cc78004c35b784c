/* A stand-in powershell.exe for the Wine smoke run (wine-rok.sh): Wine has no PowerShell, so
 * this writes the arguments bistand.exe starts PowerShell with, as PowerShell would read them
 * (CommandLineToArgvW), one a line in UTF-8, to the file BISTAND_PROV_ANROP names, and exits
 * with BISTAND_PROV_SLUTKOD (default 0). Beside bistand.exe it is found before the system's
 * powershell.exe: the program's own folder is where a program's child is looked for first. */
#include <windows.h>
#include <shellapi.h>
#include <stdlib.h>

static void skriv(HANDLE h, const wchar_t *text)
{
    int n = WideCharToMultiByte(CP_UTF8, 0, text, -1, NULL, 0, NULL, NULL);
    char *utf8 = malloc(n > 0 ? n : 1);
    DWORD skrivna;
    if (utf8 && n > 1 && WideCharToMultiByte(CP_UTF8, 0, text, -1, utf8, n, NULL, NULL) > 0)
        WriteFile(h, utf8, (DWORD)(n - 1), &skrivna, NULL);
    WriteFile(h, "\n", 1, &skrivna, NULL);
    free(utf8);
}

int main(void)
{
    wchar_t fil[MAX_PATH];
    char kod[16];
    int antal = 0;
    wchar_t **argv = CommandLineToArgvW(GetCommandLineW(), &antal);
    if (argv && GetEnvironmentVariableW(L"BISTAND_PROV_ANROP", fil, MAX_PATH) > 0) {
        HANDLE h = CreateFileW(fil, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, FILE_ATTRIBUTE_NORMAL, NULL);
        if (h != INVALID_HANDLE_VALUE) {
            for (int i = 1; i < antal; i++)
                skriv(h, argv[i]);
            CloseHandle(h);
        }
    }
    if (GetEnvironmentVariableA("BISTAND_PROV_SLUTKOD", kod, sizeof kod) > 0)
        return atoi(kod);
    return 0;
}
