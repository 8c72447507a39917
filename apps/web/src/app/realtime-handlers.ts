/**
 * Every feature's real-time table, imported once by the shell. A feature adds an import here
 * when it registers handlers (features/<feature>/realtime.ts).
 */
import '../features/notifications/realtime';
import '../features/meetings/realtime';
import '../features/content/realtime';
import '../features/publishing/realtime';
import '../features/review/api';
