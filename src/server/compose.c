/* Composing a client's view of its session. */
#include "compose.h"
