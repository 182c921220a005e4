/* The prefix bindings. */
#include "prefix.h"
