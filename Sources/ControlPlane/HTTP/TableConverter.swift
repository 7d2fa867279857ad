import Foundation
import KubeModel

/// The `meta.k8s.io/v1` Table that `kubectl get` asks for (`Accept: application/json;as=Table;...`):
/// the columns of the resource's printer (`ResourceInfo.printer`), with every cell, as kube-apiserver sends them.
enum TableConverter {
    static let contentType = "application/json;as=Table;v=v1;g=meta.k8s.io"

    static func table(
        _ resource: ResourceInfo, items: [JSONValue], resourceVersion: Int64, continueToken: String?,
        now: Date = Date()
    ) -> JSONValue {
        let printer = resource.printer
        let rows: [JSONValue] = items.map { item in
            [
                "cells": .array(printer.cells(item, now: now)),
                "object": [
                    "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1",
                    "metadata": item["metadata"] ?? [:],
                ],
            ]
        }
        var metadata: JSONObject = ["resourceVersion": .string(String(resourceVersion))]
        if let continueToken { metadata["continue"] = .string(continueToken) }
        return [
            "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata),
            "columnDefinitions": .array(
                printer.columns.map {
                    [
                        "name": .string($0.name), "type": .string($0.type), "format": .string($0.format),
                        "description": "", "priority": .int(Int64($0.priority)),
                    ]
                }),
            "rows": .array(rows),
        ]
    }
}
