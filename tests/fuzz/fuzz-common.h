/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the libFuzzer targets: each reads its input as one file of its kind. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Problems are reported through GError; anything logged at warning level or worse is a
 * bug the fuzzer should stop on, as the tests do with G_DEBUG=fatal-warnings. */
static inline void
fuzz_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);
      g_setenv ("XDG_DATA_DIRS", "/nonexistent-dorsum-fuzz", TRUE);
      g_setenv ("XDG_DATA_HOME", "/nonexistent-dorsum-fuzz", TRUE);
      g_once_init_leave (&done, 1);
    }
}

/* Fails the run when @condition does not hold, as a crash the fuzzer saves. */
#define fuzz_assert(condition) \
  G_STMT_START { if (!(condition)) { g_printerr ("%s:%d: %s\n", __FILE__, __LINE__, #condition); __builtin_trap (); } } G_STMT_END
