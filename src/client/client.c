/* The attached client's loop. */
#include "client.h"
