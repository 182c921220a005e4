/* The prefix bindings: every key reachable as keyparse reads it, every command accepted by
 * the server's own parser, nothing else bound. */
#include <string.h>

#include "check.h"
#include "client/prefix.h"
#include "cmd/args.h"
#include "term/keys.h"

/* The key as the terminal delivers it: one character alone, else its send-keys name. */
static term_key key_of(const char *name)
{
	term_key key = {.code = TERM_KEY_CHAR, .ch = (uint8_t)name[0]};
	if (name[1] != '\0')
		CHECKF(keys_lookup(name, &key), "%s names a key", name);
	return key;
}

static void check_binding(const struct prefix_binding *b)
{
	term_key key = key_of(b->key);
	CHECKF(prefix_lookup(&key) == b, "%s looks up its own binding", b->key);
	CHECKF(b->help != NULL && b->help[0] != '\0', "%s has help", b->key);
	if (b->action == PREFIX_CLIENT) {
		/* The client's own: copy mode and its paste, spelt as tmux binds them. */
		CHECKF(strcmp(b->words[0], "copy-mode") == 0 ||
		       strcmp(b->words[0], "paste-buffer") == 0, "%s runs %s", b->key, b->words[0]);
		return;
	}
	if (b->action != PREFIX_COMMAND && b->action != PREFIX_PROMPT) {
		CHECKF(b->words[0] == NULL, "%s runs no command", b->key);
		return;
	}
	/* A prompt's answer is the command's last word. */
	char *argv[PREFIX_MAX_WORDS + 2];
	int argc = 0;
	while (b->words[argc] != NULL)
		argv[argc] = (char *)b->words[argc], argc++;
	CHECKF(argc >= 1 && argc <= PREFIX_MAX_WORDS, "%s: %d words", b->key, argc);
	if (b->action == PREFIX_PROMPT) {
		CHECKF(b->prompt != NULL && b->prompt[0] != '\0', "%s has a prompt", b->key);
		argv[argc++] = "new name";
	}
	argv[argc] = NULL;
	struct args a;
	char *cause = NULL;
	CHECKF(args_parse_command(argc, argv, &a, &cause) == 0, "%s: %s", b->key, cause);
	args_free(&a);
}

static void expect(const char *name, const char *word0, const char *word2)
{
	term_key key = key_of(name);
	const struct prefix_binding *b = prefix_lookup(&key);
	CHECKF(b != NULL && b->action == PREFIX_COMMAND && strcmp(b->words[0], word0) == 0,
	       "%s runs %s", name, word0);
	CHECKF(word2 == NULL || (b->words[1] != NULL && strcmp(b->words[2], word2) == 0),
	       "%s: target %s", name, word2);
}

static void expect_unbound(term_key key)
{
	CHECKF(prefix_lookup(&key) == NULL, "key %u mods %u ch %u is unbound", key.code,
	       key.mods, (unsigned)key.ch);
}

int main(void)
{
	size_t n;
	const struct prefix_binding *all = prefix_bindings(&n);
	CHECK(n >= 25);
	for (size_t i = 0; i < n; i++) {
		check_binding(&all[i]);
		for (size_t j = 0; j < i; j++)
			CHECKF(strcmp(all[i].key, all[j].key) != 0, "%s bound twice", all[i].key);
	}

	term_key cb = {.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = 'b'};
	CHECK(prefix_is_prefix(&cb));
	CHECK(prefix_lookup(&cb)->action == PREFIX_SEND_PREFIX);
	CHECK(!prefix_is_prefix(&(term_key){.code = TERM_KEY_CHAR, .ch = 'b'}));
	CHECK(!prefix_is_prefix(&(term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = 'B'}));

	CHECK(prefix_lookup(&(term_key){.code = TERM_KEY_CHAR, .ch = 'd'})->action == PREFIX_DETACH);
	CHECK(prefix_lookup(&(term_key){.code = TERM_KEY_CHAR, .ch = '?'})->action == PREFIX_HELP);
	CHECK(prefix_lookup(&(term_key){.code = TERM_KEY_CHAR, .ch = ','})->action == PREFIX_PROMPT);
	expect("%", "split-window", NULL);
	expect("\"", "split-window", NULL);
	expect("0", "select-window", ":0");
	expect("9", "select-window", ":9");
	expect("o", "select-pane", ":.+");
	expect("Up", "select-pane", NULL);
	expect("c", "new-window", NULL);
	expect("&", "kill-window", NULL);

	expect_unbound((term_key){.code = TERM_KEY_CHAR, .ch = 'l'}); /* no last-window yet */
	expect_unbound((term_key){.code = TERM_KEY_CHAR, .ch = 'D'});
	expect_unbound((term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_ALT, .ch = 'd'});
	expect_unbound((term_key){.code = TERM_KEY_CHAR, .mods = TERM_MOD_CTRL, .ch = 'd'});
	expect("C-Up", "resize-pane", NULL);
	expect("M-Left", "resize-pane", "5");
	expect(";", "last-pane", NULL);
	expect("}", "swap-pane", NULL);
	expect("C-o", "rotate-window", NULL);
	expect("Space", "next-layout", NULL);
	expect("M-1", "select-layout", NULL);
	expect_unbound((term_key){.code = TERM_KEY_UP, .mods = TERM_MOD_SHIFT});
	expect_unbound((term_key){.code = TERM_KEY_F1});
	expect_unbound((term_key){.code = TERM_KEY_ENTER});
	return 0;
}
