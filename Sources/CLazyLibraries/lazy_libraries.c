// The PDF backend's libraries (Cairo, Pango, librsvg, qpdf, … and the fifty libraries they pull
// in) loaded on first use instead of at start-up.
//
// Loading and relocating them took about 25 ms and 29 M instructions of every run, also of a text
// build that never draws a glyph. On Linux (x86-64 and AArch64) this file defines, for every C
// function those libraries export (lazy_symbols.h, written by scripts/generate-lazy-libraries), a
// hidden stub of the same name: the program's calls bind to the stub, which jumps through a slot
// that the first call fills by dlopen + dlsym. Because the program then needs no symbol from the
// libraries themselves, the linker drops them from its start-up dependencies, given --as-needed:
// this object asks for it through an autolink entry, and its target's name sorts before every
// Swift target that links the libraries, so the flag comes before their -l options.
//
// If anything undoes this (another linker order, a function not in the table), the program links
// the libraries the ordinary way and still works; a command test checks the dependencies.
#include "CLazyLibraries.h"

#if defined(__linux__) && defined(__ELF__) && (defined(__x86_64__) || defined(__aarch64__))
#define IMPRENTA_LAZY 1
#include "lazy_symbols.h"
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

// The libraries: soname and the Debian package that provides it.
static const char *const library_names[LAZY_LIBRARY_COUNT] = {
#define LAZY_LIBRARY(index, soname, package) [index] = soname,
#include "lazy_symbols.h"
#undef LAZY_LIBRARY
};
static const char *const library_packages[LAZY_LIBRARY_COUNT] = {
#define LAZY_LIBRARY(index, soname, package) [index] = package,
#include "lazy_symbols.h"
#undef LAZY_LIBRARY
};

// Every stubbed function: its name (one string, offsets in the generated table) and library.
static const char symbol_names[] =
#define LAZY_SYMBOL(index, name, library, offset) #name "\0"
#include "lazy_symbols.h"
#undef LAZY_SYMBOL
    ;
static const unsigned symbol_offsets[LAZY_SYMBOL_COUNT] = {
#define LAZY_SYMBOL(index, name, library, offset) offset,
#include "lazy_symbols.h"
#undef LAZY_SYMBOL
};
static const unsigned char symbol_libraries[LAZY_SYMBOL_COUNT] = {
#define LAZY_SYMBOL(index, name, library, offset) library,
#include "lazy_symbols.h"
#undef LAZY_SYMBOL
};

// The address each stub jumps to once resolved (0 until then), and each library's handle.
__attribute__((visibility("hidden"))) void *imprenta_lazy_slots[LAZY_SYMBOL_COUNT];
static void *library_handles[LAZY_LIBRARY_COUNT];

static void *open_library(unsigned library, char *message, unsigned long size) {
  void *handle = __atomic_load_n(&library_handles[library], __ATOMIC_ACQUIRE);
  if (handle) return handle;
  // dlopen is thread-safe and counts references: two threads opening at once get the same object.
  handle = dlopen(library_names[library], RTLD_LAZY | RTLD_LOCAL);
  if (!handle) {
    const char *reason = dlerror();
    if (message && size)
      snprintf(message, size, "the PDF backend needs %s (Debian package %s), which could not be loaded: %s",
               library_names[library], library_packages[library], reason ? reason : "unknown error");
    return 0;
  }
  __atomic_store_n(&library_handles[library], handle, __ATOMIC_RELEASE);
  return handle;
}

static void fail(const char *message) {
  // A stub has no way to return an error to its caller: stop with the reason, as the loader would
  // have at start-up. The facade loads the libraries before a PDF build, so a build normally
  // reports a missing library as a diagnostic and never gets here.
  char line[1200];
  int n = snprintf(line, sizeof line, "imprenta: %s\n", message);
  if (n > 0) {
    ssize_t written = write(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
    (void)written;
  }
  _exit(1);
}

/// Called by a stub's first call (registers saved by the trampoline): the function's address.
__attribute__((visibility("hidden"), used)) void *imprenta_lazy_resolve(unsigned long index) {
  void *function = __atomic_load_n(&imprenta_lazy_slots[index], __ATOMIC_ACQUIRE);
  if (function) return function;
  char message[1024];
  unsigned library = symbol_libraries[index];
  void *handle = open_library(library, message, sizeof message);
  if (!handle) fail(message);
  const char *name = symbol_names + symbol_offsets[index];
  function = dlsym(handle, name);
  if (!function) {
    snprintf(message, sizeof message, "the PDF backend needs %s from %s (Debian package %s), which this version of the library lacks",
             name, library_names[library], library_packages[library]);
    fail(message);
  }
  __atomic_store_n(&imprenta_lazy_slots[index], function, __ATOMIC_RELEASE);
  return function;
}

int imprenta_lazy_libraries_load(char *message, unsigned long size) {
  for (unsigned library = 0; library < LAZY_LIBRARY_COUNT; library++)
    if (!open_library(library, message, size)) return -1;
  return 0;
}

int imprenta_lazy_libraries_enabled(void) { return 1; }

// --as-needed before the libraries' -l options (see the top of this file). swift-autolink-extract
// collects these entries from every object in link order; SHF_EXCLUDE keeps them out of the program.
__asm__(".section .swift1_autolink_entries,\"e\",%progbits\n"
        ".asciz \"-Wl,--as-needed\"\n"
        ".text\n");

#if defined(__x86_64__)
// A stub: jump through its slot, or (first call) to the common path with its index in r11.
#define LAZY_SYMBOL(index, name, library, offset)                        \
  __asm__(".text\n"                                                      \
          ".globl " #name "\n"                                           \
          ".hidden " #name "\n"                                          \
          ".type " #name ",@function\n"                                  \
          ".p2align 4\n" #name ":\n"                                     \
          "  movq imprenta_lazy_slots+8*" #index "(%rip), %r11\n"        \
          "  testq %r11, %r11\n"                                         \
          "  je 1f\n"                                                    \
          "  jmpq *%r11\n"                                               \
          "1:\n"                                                         \
          "  movl $" #index ", %r11d\n"                                  \
          "  jmp imprenta_lazy_first_call\n"                             \
          ".size " #name ", .-" #name "\n");
#include "lazy_symbols.h"
#undef LAZY_SYMBOL

// The first call: save the argument registers (integer, vector, and al, the vector count of a
// variadic call), resolve, restore them and jump to the function as if it had been called.
__asm__(".text\n"
        ".p2align 4\n"
        ".type imprenta_lazy_first_call,@function\n"
        "imprenta_lazy_first_call:\n"
        "  pushq %rbp\n"
        "  movq %rsp, %rbp\n"
        "  pushq %rdi\n  pushq %rsi\n  pushq %rdx\n  pushq %rcx\n  pushq %r8\n  pushq %r9\n  pushq %rax\n"
        "  subq $136, %rsp\n"
        "  movdqu %xmm0, 0(%rsp)\n  movdqu %xmm1, 16(%rsp)\n  movdqu %xmm2, 32(%rsp)\n  movdqu %xmm3, 48(%rsp)\n"
        "  movdqu %xmm4, 64(%rsp)\n  movdqu %xmm5, 80(%rsp)\n  movdqu %xmm6, 96(%rsp)\n  movdqu %xmm7, 112(%rsp)\n"
        "  movq %r11, %rdi\n"
        "  call imprenta_lazy_resolve\n"
        "  movq %rax, %r11\n"
        "  movdqu 0(%rsp), %xmm0\n  movdqu 16(%rsp), %xmm1\n  movdqu 32(%rsp), %xmm2\n  movdqu 48(%rsp), %xmm3\n"
        "  movdqu 64(%rsp), %xmm4\n  movdqu 80(%rsp), %xmm5\n  movdqu 96(%rsp), %xmm6\n  movdqu 112(%rsp), %xmm7\n"
        "  addq $136, %rsp\n"
        "  popq %rax\n  popq %r9\n  popq %r8\n  popq %rcx\n  popq %rdx\n  popq %rsi\n  popq %rdi\n"
        "  popq %rbp\n"
        "  jmpq *%r11\n"
        ".size imprenta_lazy_first_call, .-imprenta_lazy_first_call\n");

#elif defined(__aarch64__)
// A stub: load its slot into x16 and branch, or (first call) go to the common path with its index
// in x17. x16 and x17 are the intra-procedure-call scratch registers the ABI gives veneers.
#define LAZY_SYMBOL(index, name, library, offset)                                  \
  __asm__(".text\n"                                                                \
          ".globl " #name "\n"                                                     \
          ".hidden " #name "\n"                                                    \
          ".type " #name ",%function\n"                                            \
          ".p2align 4\n" #name ":\n"                                               \
          "  adrp x16, imprenta_lazy_slots+8*" #index "\n"                         \
          "  ldr x16, [x16, #:lo12:imprenta_lazy_slots+8*" #index "]\n"            \
          "  cbz x16, 1f\n"                                                        \
          "  br x16\n"                                                             \
          "1:\n"                                                                   \
          "  mov x17, #" #index "\n"                                               \
          "  b imprenta_lazy_first_call\n"                                         \
          ".size " #name ", .-" #name "\n");
#include "lazy_symbols.h"
#undef LAZY_SYMBOL

// The first call: save x0–x8 and q0–q7, resolve, restore and branch to the function.
__asm__(".text\n"
        ".p2align 4\n"
        ".type imprenta_lazy_first_call,%function\n"
        "imprenta_lazy_first_call:\n"
        "  stp x29, x30, [sp, #-16]!\n"
        "  mov x29, sp\n"
        "  sub sp, sp, #208\n"
        "  stp x0, x1, [sp, #0]\n  stp x2, x3, [sp, #16]\n  stp x4, x5, [sp, #32]\n  stp x6, x7, [sp, #48]\n"
        "  str x8, [sp, #64]\n"
        "  stp q0, q1, [sp, #80]\n  stp q2, q3, [sp, #112]\n  stp q4, q5, [sp, #144]\n  stp q6, q7, [sp, #176]\n"
        "  mov x0, x17\n"
        "  bl imprenta_lazy_resolve\n"
        "  mov x16, x0\n"
        "  ldp x0, x1, [sp, #0]\n  ldp x2, x3, [sp, #16]\n  ldp x4, x5, [sp, #32]\n  ldp x6, x7, [sp, #48]\n"
        "  ldr x8, [sp, #64]\n"
        "  ldp q0, q1, [sp, #80]\n  ldp q2, q3, [sp, #112]\n  ldp q4, q5, [sp, #144]\n  ldp q6, q7, [sp, #176]\n"
        "  add sp, sp, #208\n"
        "  ldp x29, x30, [sp], #16\n"
        "  br x16\n"
        ".size imprenta_lazy_first_call, .-imprenta_lazy_first_call\n");
#endif

#else
// Elsewhere the libraries are linked the ordinary way and are loaded at start-up.
int imprenta_lazy_libraries_load(char *message, unsigned long size) {
  (void)message;
  (void)size;
  return 0;
}

int imprenta_lazy_libraries_enabled(void) { return 0; }
#endif
