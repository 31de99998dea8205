#ifndef IMPRENTA_CSANITIZERHOOKS_H
#define IMPRENTA_CSANITIZERHOOKS_H
// Hooks read by the sanitizer runtimes when Imprenta is built with --sanitize=address; unused
// otherwise. See sanitizer_hooks.c.
const char *__lsan_default_suppressions(void);
const char *__lsan_default_options(void);
#endif
