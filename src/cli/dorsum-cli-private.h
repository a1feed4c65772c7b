/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the files of dorsum-cli: how a command parses its options and opens the library,
 * and the chart and study commands kept in their own files. */
#pragma once

#include <glib.h>

#include "dorsum-library.h"

G_BEGIN_DECLS

GOptionContext *dorsum_cli_command_context (const char       *args,
                                            const char       *summary);
gboolean        dorsum_cli_parse_command   (GOptionContext   *context,
                                            int              *argc,
                                            char           ***argv);
void            dorsum_cli_usage_error     (GOptionContext   *context,
                                            const char       *message);
DorsumLibrary  *dorsum_cli_open_library    (void);

int             dorsum_cli_run_chart       (int               argc,
                                            char            **argv);
int             dorsum_cli_run_export      (int               argc,
                                            char            **argv);
int             dorsum_cli_run_quiz        (int               argc,
                                            char            **argv);
int             dorsum_cli_run_study       (int               argc,
                                            char            **argv);

G_END_DECLS
