#pragma once

// A TCP port that is free on 127.0.0.1 at the moment (bound to port 0 and let go), for a server
// a test starts in another process; -1 if none could be bound.
int freeLoopbackPort();
