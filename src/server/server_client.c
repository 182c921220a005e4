/* Attached clients: connections, views, input. */
#include "server_client.h"
