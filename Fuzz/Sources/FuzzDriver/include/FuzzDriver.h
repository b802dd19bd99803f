// libFuzzer's entry for programs that have their own `main` (LLVM 11 and later). SwiftPM links every
// executable with `main` aliased to the module's own entry point, so libFuzzer's `main` cannot be used;
// each fuzzer's `@main` calls this instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
