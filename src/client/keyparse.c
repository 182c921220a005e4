/* Reading the terminal's bytes into input events. */
#include "keyparse.h"
