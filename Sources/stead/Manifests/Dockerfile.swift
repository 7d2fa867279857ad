/// The image `deploy/Dockerfile` builds: Stead as one static binary (`--static-swift-stdlib`) on a
/// small base, run as a non-root user. Build from the repository root:
/// `docker build -f deploy/Dockerfile -t stead:0.1.0 .`
enum Dockerfile {
    static let text = """
        # Written by `stead manifests --write-to deploy`: change Sources/stead/Manifests/Dockerfile.swift instead.
        # Build from the repository root: docker build -f deploy/Dockerfile -t stead:0.1.0 .
        FROM swift:6.3-noble AS build
        WORKDIR /src
        # Package.resolved is not kept in git: the build resolves Package.swift's version ranges.
        COPY Package.swift ./
        COPY Sources Sources
        COPY Tests Tests
        RUN swift build -c release --static-swift-stdlib --product stead \\
            && cp "$(swift build -c release --static-swift-stdlib --show-bin-path)/stead" /stead

        FROM ubuntu:24.04
        COPY --from=build /stead /usr/local/bin/stead
        USER 65532:65532
        EXPOSE 8080
        ENTRYPOINT ["/usr/local/bin/stead"]
        CMD ["run", "--leader-elect"]

        """

    /// `deploy/Dockerfile.dockerignore` (BuildKit reads it beside the Dockerfile): send the sources only,
    /// not `.build` or a data folder.
    static let ignore = """
        *
        !Package.swift
        !Sources
        !Tests

        """
}
