/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The desktop journey: Dorsum is running; the user launches it again from a terminal or
 * Files — with --muscle, with a chart file, with a broken chart file — and the running
 * window does what was asked, on a private session bus, with the real `dorsum` binary as
 * the second instance. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "dorsum-application.h"
#include "dorsum-window-private.h"
#include "test-common.h"
#include "test-gui-common.h"

static DorsumApplication *app;
static char *tmp_dir;
/* Kept to the end: unreferencing it would wait for a connection GTK never lets go. */
static GTestDBus *bus;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL));
  *done = TRUE;
}

/* Runs a command while this process goes on serving (as the first instance). Returns its
 * exit status; @out and @err get what it printed. */
static int
run_command (const char  *cwd,
             char       **out,
             char       **err,
             GPtrArray   *argv);

/* Runs `dorsum ARGS…` in @cwd as a second launch. */
static int
launch (const char  *cwd,
        char       **err,
        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  const char *arg;

  g_ptr_array_add (argv, (gpointer)g_getenv ("DORSUM_APP"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return run_command (cwd, NULL, err, argv);
}

static int
run_command (const char  *cwd,
             char       **out,
             char       **err,
             GPtrArray   *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  GInputStream *stream;
  gboolean done = FALSE;
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_subprocess_launcher_set_cwd (launcher, cwd);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, wait_cb, &done);
  while (!done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (done);
  settle ();

  stream = g_subprocess_get_stderr_pipe (process);
  stderr_bytes = g_input_stream_read_bytes (stream, 64 * 1024, NULL, &error);
  g_assert_no_error (error);
  *err = g_strndup (g_bytes_get_data (stderr_bytes, NULL), g_bytes_get_size (stderr_bytes));
  stream = g_subprocess_get_stdout_pipe (process);
  stdout_bytes = g_input_stream_read_bytes (stream, 64 * 1024, NULL, &error);
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_strndup (g_bytes_get_data (stdout_bytes, NULL), g_bytes_get_size (stdout_bytes));

  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

static DorsumWindow *
the_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l; l = l->next)
    if (DORSUM_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
write_chart (const char *path,
             guint       n_marks)
{
  g_autoptr(DorsumChart) chart = dorsum_chart_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_marks; i++)
    {
      DorsumMark mark = { 300 + 40 * i, 600, 20, 6, DORSUM_QUALITY_SHARP, NULL };

      dorsum_chart_add_mark (chart, &mark);
    }
  dorsum_chart_set_initials (chart, "JD");
  g_assert_true (dorsum_chart_save (chart, file, &error));
  g_assert_no_error (error);
}

static void
test_second_launch (void)
{
  g_autofree char *err = NULL;
  g_autofree char *good = g_build_filename (tmp_dir, "client.dorsum-chart", NULL);
  g_autofree char *broken = g_build_filename (tmp_dir, "broken.dorsum-chart", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(DorsumChart) expected = NULL;
  DorsumWindow *window;

  /* dorsum --muscle piriformis: the running window shows it, the launch ends at once. */
  g_assert_cmpint (launch (tmp_dir, &err, "--muscle", "piriformis", NULL), ==, 0);
  window = the_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "piriformis");
  /* Nothing stands in front of the page asked for (the first-run note is a banner). */
  g_assert_null (dorsum_question_find ());
  /* One window, not one per launch. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* An unknown id says so on the terminal and searches for it instead. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (launch (tmp_dir, &err, "--muscle", "piriformus", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "piriformus"));

  /* dorsum client.dorsum-chart, a name relative to where it was run: the chart opens. */
  write_chart (good, 2);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (launch (tmp_dir, &err, "client.dorsum-chart", NULL), ==, 0);
  g_assert_true (the_window () == window);
  expected = dorsum_chart_new_from_file (good_file, NULL);
  g_assert_true (dorsum_chart_equal (expected, dorsum_window_get_chart (window)));
  g_assert_true (g_file_equal (good_file, dorsum_chart_session_get_file (dorsum_window_get_chart_session (window))));

  /* A broken chart: the reason on the terminal (file and line) and in the window, exit 1,
   * and the chart that was open stays. */
  g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<chart xmlns=\"x\">\n<mark x=\"oops\"", -1, NULL));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (launch (tmp_dir, &err, "broken.dorsum-chart", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.dorsum-chart"));
  g_assert_nonnull (strstr (dorsum_window_get_last_report (window), "broken.dorsum-chart"));
  g_assert_true (dorsum_chart_equal (expected, dorsum_window_get_chart (window)));
  g_assert_true (g_file_equal (good_file, dorsum_chart_session_get_file (dorsum_window_get_chart_session (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

static char *
shell_call (const char *method,
            const char *arguments)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *full = g_strconcat ("org.gnome.Shell.SearchProvider2.", method, NULL);
  g_auto(GStrv) args = g_strsplit (arguments, "|", -1);

  for (const char *fixed[] = { "gdbus", "call", "--session", "--dest", APP_ID, "--object-path",
                               "/io/github/dorsum/Dorsum/SearchProvider", "--method", NULL }, **p = fixed; *p; p++)
    g_ptr_array_add (argv, (gpointer)*p);
  g_ptr_array_add (argv, full);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, args[i]);
  g_ptr_array_add (argv, NULL);

  if (run_command (tmp_dir, &out, &err, argv) != 0)
    g_error ("gdbus call %s failed: %s", method, err);

  return g_steal_pointer (&out);
}

/* GNOME Shell's overview searches the running app over D-Bus, as `gdbus call` does here. */
static void
test_shell_search (void)
{
  g_autofree char *ids = shell_call ("GetInitialResultSet", "['rhomboid']");
  g_autofree char *sub = shell_call ("GetSubsearchResultSet", "['rhomboid-major', 'rhomboid-minor']|['rhomboid', 'major']");
  g_autofree char *metas = shell_call ("GetResultMetas", "['piriformis']");
  g_autofree char *activated = NULL;
  DorsumWindow *window;

  g_assert_nonnull (strstr (ids, "'rhomboid-major'"));
  g_assert_nonnull (strstr (sub, "'rhomboid-major'"));
  g_assert_nonnull (strstr (metas, "'Piriformis'"));
  g_assert_nonnull (strstr (metas, "Muscle"));

  /* Choosing a result opens the app on its page. */
  activated = shell_call ("ActivateResult", "piriformis|['piri']|0");
  window = the_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (dorsum_window_get_shown_id (window), ==, "piriformis");
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *display = NULL;
  int status;

  if (!test_have_display (argc, argv))
    return test_skip_no_display (argc, argv);

  tmp_dir = test_make_tmp_dir ("dorsum-desktop-XXXXXX");

  /* A session bus of our own: the second launch finds this process on it. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  display = g_strdup (g_getenv ("DISPLAY"));
  g_test_dbus_up (bus);
  /* GTestDBus unsets DISPLAY (against D-Bus autolaunch over X11); the windows need it. */
  if (display != NULL)
    g_setenv ("DISPLAY", display, TRUE);

  test_gui_init (&argc, &argv);
  adw_init ();

  app = dorsum_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_false (g_application_get_is_remote (G_APPLICATION (app)));

  g_test_add_func ("/desktop/second-launch", test_second_launch);
  g_test_add_func ("/desktop/shell-search", test_shell_search);

  status = g_test_run ();

  g_clear_object (&app);
  /* Stop, not down: GTK keeps its own reference to the session connection to the end. */
  g_test_dbus_stop (bus);
  test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
