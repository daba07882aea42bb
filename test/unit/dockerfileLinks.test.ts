import * as assert from 'assert';
import type { DocumentLink } from 'vscode-languageserver-types';
import { documentLinks } from '../../server/src/dockerfile/links';
import { registryPage } from '../../server/src/util/registryPage';
import { parseDockerfile } from '../../server/src/dockerfile/parser';

const URI = 'file:///home/dev/shop/Dockerfile';

/** The links of a document as [line, start, end, target, tooltip]; `files` are the paths that exist. */
function links(text: string, files: string[] = [], uri = URI): [number, number, number, string, string | undefined][] {
  const existing = new Set(files);
  const asked: string[] = [];
  const found = documentLinks(parseDockerfile(text), {
    uri,
    fileExists: (path) => {
      asked.push(path);
      return existing.has(path);
    },
  });
  return found.map((link: DocumentLink) => [link.range.start.line, link.range.start.character, link.range.end.character, link.target!, link.tooltip]);
}

describe('Dockerfile document links: images', () => {
  it('links official and user images to Docker Hub, over the repository part', () => {
    assert.deepStrictEqual(links('FROM alpine:3.20\nFROM library/debian@sha256:' + 'a'.repeat(64) + '\nFROM bitnami/redis AS cache'), [
      [0, 5, 11, 'https://hub.docker.com/_/alpine', 'Open alpine on Docker Hub'],
      [1, 5, 19, 'https://hub.docker.com/_/debian', 'Open library/debian on Docker Hub'],
      [2, 5, 18, 'https://hub.docker.com/r/bitnami/redis', 'Open bitnami/redis on Docker Hub'],
    ]);
  });

  it('treats docker.io and index.docker.io as Docker Hub', () => {
    assert.deepStrictEqual(links('FROM docker.io/nginx:1.27\nFROM index.docker.io/grafana/grafana'), [
      [0, 5, 20, 'https://hub.docker.com/_/nginx', 'Open docker.io/nginx on Docker Hub'],
      [1, 5, 36, 'https://hub.docker.com/r/grafana/grafana', 'Open index.docker.io/grafana/grafana on Docker Hub'],
    ]);
  });

  it('links the pages of other public registries', () => {
    const text = [
      'FROM ghcr.io/astral-sh/uv:0.5 AS uv',
      'FROM quay.io/prometheus/node-exporter:v1.8.2',
      'FROM mcr.microsoft.com/dotnet/sdk:8.0',
      'FROM public.ecr.aws/docker/library/node:22',
    ].join('\n');
    assert.deepStrictEqual(links(text), [
      [0, 5, 25, 'https://ghcr.io/astral-sh/uv', 'Open ghcr.io/astral-sh/uv on GitHub Packages'],
      [1, 5, 37, 'https://quay.io/repository/prometheus/node-exporter', 'Open quay.io/prometheus/node-exporter on Quay'],
      [2, 5, 33, 'https://mcr.microsoft.com/artifact/mar/dotnet/sdk', 'Open mcr.microsoft.com/dotnet/sdk on Microsoft Artifact Registry'],
      [3, 5, 39, 'https://gallery.ecr.aws/docker/library/node', 'Open public.ecr.aws/docker/library/node on Amazon ECR Public Gallery'],
    ]);
  });

  it('links the image of the syntax directive', () => {
    assert.deepStrictEqual(links('# syntax=docker/dockerfile:1.7\nFROM scratch'), [
      [0, 9, 26, 'https://hub.docker.com/r/docker/dockerfile', 'Open docker/dockerfile on Docker Hub'],
    ]);
  });

  it('does not link stage names, variables, scratch, digests alone or invalid references', () => {
    const text = [
      'ARG TAG=3.20',
      'FROM alpine:${TAG} AS Build',
      'FROM build',
      'FROM BUILD AS again',
      'FROM $BASE',
      'FROM scratch',
      'FROM Alpine',
      'FROM ' + 'f'.repeat(64),
      'FROM sha256:' + 'f'.repeat(64),
      'FROM @sha256:' + 'f'.repeat(64),
    ].join('\n');
    assert.deepStrictEqual(links(text), []);
  });

  it('links an image that has the name of its own or of a later stage', () => {
    assert.deepStrictEqual(links('FROM node AS node\nFROM node\nFROM redis\nFROM alpine AS redis'), [
      [0, 5, 9, 'https://hub.docker.com/_/node', 'Open node on Docker Hub'],
      [2, 5, 10, 'https://hub.docker.com/_/redis', 'Open redis on Docker Hub'],
      [3, 5, 11, 'https://hub.docker.com/_/alpine', 'Open alpine on Docker Hub'],
    ]);
  });

  it('does not link private or unknown registries', () => {
    const text = ['FROM localhost:5000/app', 'FROM 127.0.0.1:5000/app:1', 'FROM registry.example.com/team/app', 'FROM gcr.io/distroless/static'].join('\n');
    assert.deepStrictEqual(links(text), []);
  });

  it('knows which repository paths a registry has pages for', () => {
    assert.strictEqual(registryPage('a/b/c'), undefined); // Docker Hub has two levels at most
    assert.strictEqual(registryPage('quay.io/lonely'), undefined);
    assert.strictEqual(registryPage('ghcr.io/owner'), undefined);
    assert.deepStrictEqual(registryPage('registry-1.docker.io/library/redis'), { url: 'https://hub.docker.com/_/redis', site: 'Docker Hub' });
    assert.deepStrictEqual(registryPage('mcr.microsoft.com/vscode/devcontainers/base'), {
      url: 'https://mcr.microsoft.com/artifact/mar/vscode/devcontainers/base',
      site: 'Microsoft Artifact Registry',
    });
  });
});

describe('Dockerfile document links: COPY and ADD sources', () => {
  it('opens sources that exist, resolved against the Dockerfile folder', () => {
    const text = 'FROM alpine\nCOPY package.json ./src missing.txt /app/\nADD ["conf/my app.ini", "/etc/"]';
    assert.deepStrictEqual(links(text, ['/home/dev/shop/package.json', '/home/dev/shop/src', '/home/dev/shop/conf/my app.ini']).slice(1), [
      [1, 5, 17, 'file:///home/dev/shop/package.json', 'Open package.json'],
      [1, 18, 23, 'file:///home/dev/shop/src', 'Open ./src'],
      [2, 5, 22, 'file:///home/dev/shop/conf/my%20app.ini', 'Open conf/my app.ini'],
    ]);
  });

  it('reads absolute and climbing sources from the context root, as BuildKit does, and skips the root itself', () => {
    const text = 'FROM alpine\nCOPY /etc/app.conf ../../secrets.env . ./ / /dst/';
    assert.deepStrictEqual(links(text, ['/home/dev/shop', '/home/dev/shop/etc/app.conf', '/home/dev/shop/secrets.env']).slice(1), [
      [1, 5, 18, 'file:///home/dev/shop/etc/app.conf', 'Open /etc/app.conf'],
      [1, 19, 36, 'file:///home/dev/shop/secrets.env', 'Open ../../secrets.env'],
    ]);
  });

  it('removes shell quotes from a source', () => {
    assert.deepStrictEqual(links('FROM alpine\nCOPY "my file.txt" /x', ['/home/dev/shop/my file.txt']).slice(1), [
      [1, 5, 18, 'file:///home/dev/shop/my%20file.txt', 'Open my file.txt'],
    ]);
  });

  it('never links wildcards, variables, URLs, Git addresses, --from copies, heredocs or the destination', () => {
    const all = ['/home/dev/shop/a', '/home/dev/shop/b', '/home/dev/shop/x'];
    const text = [
      'FROM alpine AS build',
      'COPY *.json a/? [ab] /app/',
      'COPY $SRC ${OTHER} /app/',
      'ADD https://example.com/x.tgz git@github.com:me/repo.git /opt/',
      'COPY --from=build a /a',
      'COPY <<EOF a',
      'x',
      'EOF',
      'COPY a b',
    ].join('\n');
    assert.deepStrictEqual(links(text, all).slice(1), [[8, 5, 6, 'file:///home/dev/shop/a', 'Open a']]);
  });

  it('needs a file: Dockerfile to resolve against', () => {
    assert.deepStrictEqual(links('FROM alpine\nCOPY a /b', ['a'], 'untitled:Untitled-1').slice(1), []);
  });

  it('leaves ONBUILD triggers alone (they copy from a later build context)', () => {
    assert.deepStrictEqual(links('FROM alpine\nONBUILD COPY a /b', ['/home/dev/shop/a']).slice(1), []);
  });
});
