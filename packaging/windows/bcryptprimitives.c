/* A stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks and the Rust standard
 * library needs for random numbers (ProcessPrng). Only for the Wine smoke run in CI; never
 * shipped. ProcessPrng is implemented over advapi32's RtlGenRandom (SystemFunction036). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG del = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, del))
            return FALSE;
        data += del;
        length -= del;
    }
    return TRUE;
}
