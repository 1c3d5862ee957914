/*
 * Local stand-in for the official "hello-world" image.
 *
 * Used by scripts/prepare-docker.sh when hello-world:latest cannot be pulled
 * from Docker Hub (offline build machines). Built with `gcc -static` and
 * imported as the only file (/hello) of a scratch image, like the original.
 * Prints the same text as the official image and exits with status 0.
 */
#include <unistd.h>

#ifndef DOCKER_IMAGE
#define DOCKER_IMAGE "hello-world"
#endif

#ifndef DOCKER_GREETING
#define DOCKER_GREETING "Hello from Docker!"
#endif

#ifndef DOCKER_ARCH
#define DOCKER_ARCH "amd64"
#endif

static const char message[] =
	"\n"
	DOCKER_GREETING "\n"
	"This message shows that your installation appears to be working correctly.\n"
	"\n"
	"To generate this message, Docker took the following steps:\n"
	" 1. The Docker client contacted the Docker daemon.\n"
	" 2. The Docker daemon pulled the \"" DOCKER_IMAGE "\" image from the Docker Hub.\n"
	"    (" DOCKER_ARCH ")\n"
	" 3. The Docker daemon created a new container from that image which runs the\n"
	"    executable that produces the output you are currently reading.\n"
	" 4. The Docker daemon streamed that output to the Docker client, which sent it\n"
	"    to your terminal.\n"
	"\n"
	"To try something more ambitious, you can run an Ubuntu container with:\n"
	" $ docker run -it ubuntu bash\n"
	"\n"
	"Share images, automate workflows, and more with a free Docker ID:\n"
	" https://hub.docker.com/\n"
	"\n"
	"For more examples and ideas, visit:\n"
	" https://docs.docker.com/get-started/\n"
	"\n";

int main(void)
{
	const char *p = message;
	size_t left = sizeof(message) - 1;

	while (left > 0) {
		ssize_t n = write(STDOUT_FILENO, p, left);
		if (n < 0)
			return 1;
		p += n;
		left -= (size_t)n;
	}
	return 0;
}
