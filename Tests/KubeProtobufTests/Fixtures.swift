import Foundation
import KubeModel

/// One realistic object of every supported kind, as JSON text the way kubectl or a controller writes it
/// (no zero values where Go's JSON leaves them out).
enum Fixtures {
    static func object(_ text: String) -> JSONValue {
        // swiftlint:disable:next force_try
        try! JSONValue.parse(Data(text.utf8))
    }

    /// `kubectl create deployment web --image=nginx --replicas=2 --dry-run=client -o json`.
    static let kubectlDeployment = #"""
        {
          "kind": "Deployment", "apiVersion": "apps/v1",
          "metadata": {"name": "web", "creationTimestamp": null, "labels": {"app": "web"}},
          "spec": {
            "replicas": 2,
            "selector": {"matchLabels": {"app": "web"}},
            "template": {
              "metadata": {"creationTimestamp": null, "labels": {"app": "web"}},
              "spec": {"containers": [{"name": "nginx", "image": "nginx", "resources": {}}]}
            },
            "strategy": {}
          },
          "status": {}
        }
        """#

    /// The same Deployment after the server and its controller had it for a while.
    static let storedDeployment = #"""
        {
          "kind": "Deployment", "apiVersion": "apps/v1",
          "metadata": {
            "name": "web", "namespace": "default", "uid": "3f1c2a9e-5b7d-4c1e-9a8f-2d6b4e0c7a11",
            "resourceVersion": "1234", "generation": 3, "creationTimestamp": "2024-01-02T03:04:05Z",
            "labels": {"app": "web", "tier": "frontend"},
            "annotations": {"deployment.kubernetes.io/revision": "2", "note": "ünïcødé ✓"},
            "finalizers": ["example.com/keep"],
            "managedFields": [{
              "manager": "kubectl-create", "operation": "Update", "apiVersion": "apps/v1",
              "time": "2024-01-02T03:04:05Z", "fieldsType": "FieldsV1",
              "fieldsV1": {"f:metadata": {"f:labels": {".": {}, "f:app": {}}}, "f:spec": {"f:replicas": {}}}
            }, {
              "manager": "kube-controller-manager", "operation": "Update", "apiVersion": "apps/v1",
              "time": "2024-01-02T03:05:00Z", "fieldsType": "FieldsV1",
              "fieldsV1": {"f:status": {"f:replicas": {}}}, "subresource": "status"
            }]
          },
          "spec": {
            "replicas": 2,
            "selector": {
              "matchLabels": {"app": "web"},
              "matchExpressions": [{"key": "tier", "operator": "In", "values": ["frontend", "edge"]}]
            },
            "template": {
              "metadata": {"creationTimestamp": null, "labels": {"app": "web", "tier": "frontend"}},
              "spec": {
                "containers": [{
                  "name": "nginx", "image": "nginx:1.27",
                  "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}],
                  "resources": {"limits": {"cpu": "500m", "memory": "128Mi"}, "requests": {"cpu": "100m", "memory": "64Mi"}},
                  "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
                  "imagePullPolicy": "IfNotPresent"
                }],
                "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
                "securityContext": {}, "schedulerName": "default-scheduler"
              }
            },
            "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": 1}},
            "revisionHistoryLimit": 10,
            "progressDeadlineSeconds": 600
          },
          "status": {
            "observedGeneration": 3, "replicas": 2, "updatedReplicas": 2, "readyReplicas": 2, "availableReplicas": 2,
            "conditions": [{
              "type": "Available", "status": "True", "lastUpdateTime": "2024-01-02T03:05:00Z",
              "lastTransitionTime": "2024-01-02T03:05:00Z", "reason": "MinimumReplicasAvailable",
              "message": "Deployment has minimum availability."
            }]
          }
        }
        """#

    /// A Pod with most of what PodSpec and PodStatus can hold.
    static let pod = #"""
        {
          "apiVersion": "v1", "kind": "Pod",
          "metadata": {
            "name": "web-0", "namespace": "web", "generateName": "web-",
            "labels": {"app": "web"},
            "ownerReferences": [{
              "apiVersion": "apps/v1", "kind": "StatefulSet", "name": "web", "uid": "0b5e0c2e-1111-2222-3333-444455556666",
              "controller": true, "blockOwnerDeletion": true
            }],
            "deletionTimestamp": "2024-03-04T05:06:07Z", "deletionGracePeriodSeconds": 0
          },
          "spec": {
            "volumes": [
              {"name": "scratch", "emptyDir": {"medium": "Memory", "sizeLimit": "1Gi"}},
              {"name": "config", "configMap": {"name": "web-config", "items": [{"key": "nginx.conf", "path": "nginx.conf", "mode": 420}], "defaultMode": 420, "optional": true}},
              {"name": "certs", "secret": {"secretName": "web-tls", "defaultMode": 256}},
              {"name": "data", "persistentVolumeClaim": {"claimName": "data-web-0", "readOnly": true}},
              {"name": "host", "hostPath": {"path": "/var/log", "type": "Directory"}},
              {"name": "token", "projected": {"defaultMode": 420, "sources": [
                {"serviceAccountToken": {"audience": "vault", "expirationSeconds": 3607, "path": "token"}},
                {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
                {"secret": {"name": "extra", "optional": false}},
                {"downwardAPI": {"items": [{"path": "namespace", "fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}},
                {"clusterTrustBundle": {"signerName": "example.com/signer", "labelSelector": {"matchLabels": {"a": "b"}}, "path": "bundle.pem"}}
              ]}},
              {"name": "podinfo", "downwardAPI": {"items": [
                {"path": "labels", "fieldRef": {"fieldPath": "metadata.labels"}},
                {"path": "cpu", "resourceFieldRef": {"containerName": "web", "resource": "limits.cpu", "divisor": "1m"}}
              ]}},
              {"name": "csi", "csi": {"driver": "secrets-store.csi.k8s.io", "readOnly": true, "volumeAttributes": {"secretProviderClass": "vault"}}},
              {"name": "scratch2", "ephemeral": {"volumeClaimTemplate": {
                "metadata": {"labels": {"type": "scratch"}},
                "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "fast", "resources": {"requests": {"storage": "1Gi"}}}
              }}},
              {"name": "nfs", "nfs": {"server": "nfs.example.com", "path": "/exports", "readOnly": true}},
              {"name": "model", "image": {"reference": "registry.example.com/model:v1", "pullPolicy": "IfNotPresent"}}
            ],
            "initContainers": [
              {"name": "init", "image": "busybox", "command": ["sh", "-c", "echo hi"], "resources": {}},
              {"name": "sidecar", "image": "envoy", "restartPolicy": "Always", "resources": {}}
            ],
            "containers": [{
              "name": "web", "image": "nginx:1.27", "command": ["nginx"], "args": ["-g", "daemon off;"], "workingDir": "/srv",
              "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}, {"containerPort": 9090, "hostPort": 9090, "hostIP": "0.0.0.0"}],
              "envFrom": [{"configMapRef": {"name": "web-env"}}, {"prefix": "DB_", "secretRef": {"name": "db", "optional": true}}],
              "env": [
                {"name": "MODE", "value": "production"},
                {"name": "POD_IP", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "status.podIP"}}},
                {"name": "PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password", "optional": false}}},
                {"name": "LEVEL", "valueFrom": {"configMapKeyRef": {"name": "web-env", "key": "level"}}},
                {"name": "LIMIT", "valueFrom": {"resourceFieldRef": {"resource": "limits.memory", "divisor": "1Mi"}}}
              ],
              "resources": {
                "limits": {"cpu": "1", "memory": "256Mi", "nvidia.com/gpu": "1"},
                "requests": {"cpu": "250m", "memory": "128Mi"},
                "claims": [{"name": "gpu", "request": "one"}]
              },
              "resizePolicy": [{"resourceName": "cpu", "restartPolicy": "NotRequired"}],
              "volumeMounts": [
                {"name": "config", "mountPath": "/etc/nginx", "readOnly": true, "subPath": "nginx.conf"},
                {"name": "data", "mountPath": "/data", "mountPropagation": "HostToContainer", "recursiveReadOnly": "Disabled"}
              ],
              "volumeDevices": [{"name": "raw", "devicePath": "/dev/xvda"}],
              "livenessProbe": {"httpGet": {"path": "/healthz", "port": 80, "scheme": "HTTP", "httpHeaders": [{"name": "X-Probe", "value": "1"}]},
                "initialDelaySeconds": 5, "periodSeconds": 10, "timeoutSeconds": 1, "successThreshold": 1, "failureThreshold": 3},
              "readinessProbe": {"tcpSocket": {"port": "http"}, "periodSeconds": 5},
              "startupProbe": {"exec": {"command": ["cat", "/tmp/ready"]}, "failureThreshold": 30, "terminationGracePeriodSeconds": 10},
              "lifecycle": {
                "postStart": {"exec": {"command": ["sh", "-c", "echo started"]}},
                "preStop": {"sleep": {"seconds": 5}},
                "stopSignal": "SIGTERM"
              },
              "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "FallbackToLogsOnError",
              "imagePullPolicy": "Always",
              "securityContext": {
                "capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]},
                "privileged": false, "runAsUser": 0, "runAsGroup": 0, "runAsNonRoot": false, "readOnlyRootFilesystem": true,
                "allowPrivilegeEscalation": false, "seccompProfile": {"type": "RuntimeDefault"},
                "seLinuxOptions": {"level": "s0:c123,c456"}, "appArmorProfile": {"type": "Localhost", "localhostProfile": "k8s-nginx"}
              },
              "stdin": true, "tty": true
            }, {
              "name": "grpc", "image": "grpc-server",
              "livenessProbe": {"grpc": {"port": 9000, "service": "health"}},
              "restartPolicyRules": [{"action": "Restart", "exitCodes": {"operator": "In", "values": [42, -1]}}],
              "resources": {}
            }],
            "ephemeralContainers": [{"name": "debugger", "image": "busybox", "targetContainerName": "web", "stdin": true, "resources": {}}],
            "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "activeDeadlineSeconds": 3600,
            "dnsPolicy": "None", "nodeSelector": {"kubernetes.io/os": "linux"},
            "serviceAccountName": "web", "serviceAccount": "web", "automountServiceAccountToken": false,
            "nodeName": "sim-0", "hostNetwork": true, "hostPID": true, "shareProcessNamespace": true,
            "securityContext": {
              "runAsUser": 1000, "runAsGroup": 3000, "runAsNonRoot": true, "fsGroup": 2000, "supplementalGroups": [4000, 5000],
              "fsGroupChangePolicy": "OnRootMismatch", "sysctls": [{"name": "net.core.somaxconn", "value": "1024"}],
              "seccompProfile": {"type": "Localhost", "localhostProfile": "profiles/audit.json"},
              "supplementalGroupsPolicy": "Strict", "seLinuxChangePolicy": "MountOption",
              "windowsOptions": {"gmsaCredentialSpecName": "spec", "runAsUserName": "ContainerUser", "hostProcess": false}
            },
            "imagePullSecrets": [{"name": "regcred"}],
            "hostname": "web-0", "subdomain": "web",
            "affinity": {
              "nodeAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
                  {"matchExpressions": [{"key": "topology.kubernetes.io/zone", "operator": "In", "values": ["a", "b"]}]},
                  {"matchFields": [{"key": "metadata.name", "operator": "NotIn", "values": ["sim-9"]}]}
                ]},
                "preferredDuringSchedulingIgnoredDuringExecution": [
                  {"weight": 10, "preference": {"matchExpressions": [{"key": "disk", "operator": "Exists"}]}}
                ]
              },
              "podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
                {"labelSelector": {"matchLabels": {"app": "cache"}}, "topologyKey": "kubernetes.io/hostname", "namespaces": ["cache"]}
              ]},
              "podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
                {"weight": 100, "podAffinityTerm": {
                  "labelSelector": {"matchExpressions": [{"key": "app", "operator": "In", "values": ["web"]}]},
                  "topologyKey": "kubernetes.io/hostname", "namespaceSelector": {},
                  "matchLabelKeys": ["pod-template-hash"], "mismatchLabelKeys": ["tenant"]
                }}
              ]}
            },
            "schedulerName": "stead",
            "tolerations": [
              {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute", "tolerationSeconds": 300},
              {"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"},
              {"operator": "Exists"}
            ],
            "hostAliases": [{"ip": "10.0.0.1", "hostnames": ["db.local", "cache.local"]}],
            "priorityClassName": "high", "priority": 1000000,
            "dnsConfig": {"nameservers": ["1.1.1.1"], "searches": ["web.svc.cluster.local"], "options": [{"name": "ndots", "value": "2"}, {"name": "edns0"}]},
            "readinessGates": [{"conditionType": "stead.dev/InPlaceUpdateReady"}],
            "runtimeClassName": "gvisor", "enableServiceLinks": false, "preemptionPolicy": "PreemptLowerPriority",
            "overhead": {"cpu": "250m", "memory": "120Mi"},
            "topologySpreadConstraints": [{
              "maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "DoNotSchedule",
              "labelSelector": {"matchLabels": {"app": "web"}}, "minDomains": 2, "nodeAffinityPolicy": "Honor",
              "nodeTaintsPolicy": "Ignore", "matchLabelKeys": ["pod-template-hash"]
            }],
            "setHostnameAsFQDN": true, "os": {"name": "linux"}, "hostUsers": false,
            "schedulingGates": [{"name": "example.com/quota"}],
            "resourceClaims": [{"name": "gpu", "resourceClaimTemplateName": "gpu-template"}, {"name": "shared", "resourceClaimName": "shared-gpu"}],
            "resources": {"limits": {"cpu": "2", "memory": "1Gi"}}
          },
          "status": {
            "phase": "Running",
            "conditions": [
              {"type": "PodScheduled", "status": "True", "lastProbeTime": null, "lastTransitionTime": "2024-03-04T05:00:00Z"},
              {"type": "Ready", "status": "False", "lastProbeTime": null, "lastTransitionTime": "2024-03-04T05:00:10Z", "reason": "ContainersNotReady", "message": "containers with unready status: [web]"}
            ],
            "hostIP": "10.1.0.1", "hostIPs": [{"ip": "10.1.0.1"}], "podIP": "10.0.0.2", "podIPs": [{"ip": "10.0.0.2"}, {"ip": "fd00::2"}],
            "startTime": "2024-03-04T05:00:00Z",
            "initContainerStatuses": [{
              "name": "init", "ready": true, "restartCount": 0, "image": "docker.io/library/busybox:latest", "imageID": "",
              "state": {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "2024-03-04T05:00:01Z", "finishedAt": "2024-03-04T05:00:02Z", "containerID": "containerd://abc"}},
              "lastState": {}, "started": false
            }],
            "containerStatuses": [{
              "name": "web", "ready": false, "restartCount": 2, "image": "docker.io/library/nginx:1.27", "imageID": "docker.io/library/nginx@sha256:0123",
              "containerID": "containerd://def", "started": true,
              "state": {"running": {"startedAt": "2024-03-04T05:00:05Z"}},
              "lastState": {"terminated": {"exitCode": 137, "signal": 9, "reason": "OOMKilled", "startedAt": "2024-03-04T05:00:03Z", "finishedAt": "2024-03-04T05:00:04Z"}},
              "allocatedResources": {"cpu": "250m", "memory": "128Mi"},
              "resources": {"requests": {"cpu": "250m"}},
              "volumeMounts": [{"name": "data", "mountPath": "/data", "readOnly": true, "recursiveReadOnly": "Disabled"}],
              "user": {"linux": {"uid": 1000, "gid": 3000, "supplementalGroups": [3000, 4000]}}
            }, {
              "name": "grpc", "ready": false, "restartCount": 0, "image": "grpc-server", "imageID": "",
              "state": {"waiting": {"reason": "ContainerCreating"}}, "lastState": {}
            }],
            "qosClass": "Burstable",
            "resourceClaimStatuses": [{"name": "gpu", "resourceClaimName": "web-0-gpu-x7k2p"}]
          }
        }
        """#

    static let all: [String] = workloadAndStorageKinds + clusterConfigurationKinds + [
        kubectlDeployment, storedDeployment, pod,
        #"""
        {"apiVersion": "v1", "kind": "Namespace",
         "metadata": {"name": "web", "labels": {"kubernetes.io/metadata.name": "web"}},
         "spec": {"finalizers": ["kubernetes"]},
         "status": {"phase": "Terminating", "conditions": [{"type": "NamespaceDeletionContentFailure", "status": "False",
           "lastTransitionTime": "2024-01-02T03:04:05Z", "reason": "ContentDeleted", "message": "All content successfully deleted"}]}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "ConfigMap",
         "metadata": {"name": "web-config", "namespace": "web"},
         "data": {"nginx.conf": "events {}\nhttp { server { listen 80; } }\n", "empty": ""},
         "binaryData": {"logo.png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "nothing": ""},
         "immutable": false}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "Secret",
         "metadata": {"name": "db", "namespace": "web"},
         "type": "kubernetes.io/basic-auth",
         "data": {"password": "AAEC/f7/", "username": "YWRtaW4="},
         "stringData": {"extra": "plain text"},
         "immutable": true}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "ServiceAccount",
         "metadata": {"name": "web", "namespace": "web"},
         "secrets": [{"name": "web-token", "namespace": "web", "kind": "Secret"}],
         "imagePullSecrets": [{"name": "regcred"}],
         "automountServiceAccountToken": false}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "Service",
         "metadata": {"name": "web", "namespace": "web"},
         "spec": {
           "ports": [{"name": "http", "protocol": "TCP", "port": 80, "targetPort": "http", "nodePort": 30080, "appProtocol": "http"},
                     {"name": "metrics", "protocol": "TCP", "port": 9090, "targetPort": 9090}],
           "selector": {"app": "web"}, "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10", "fd00::10"],
           "type": "LoadBalancer", "externalIPs": ["192.0.2.1"], "sessionAffinity": "ClientIP",
           "sessionAffinityConfig": {"clientIP": {"timeoutSeconds": 10800}},
           "loadBalancerSourceRanges": ["0.0.0.0/0"], "externalTrafficPolicy": "Local", "healthCheckNodePort": 31000,
           "publishNotReadyAddresses": true, "ipFamilies": ["IPv4", "IPv6"], "ipFamilyPolicy": "PreferDualStack",
           "allocateLoadBalancerNodePorts": true, "loadBalancerClass": "example.com/lb", "internalTrafficPolicy": "Cluster",
           "trafficDistribution": "PreferClose"},
         "status": {"loadBalancer": {"ingress": [{"ip": "192.0.2.10", "ipMode": "VIP", "ports": [{"port": 80, "protocol": "TCP", "error": "none"}]}]},
           "conditions": [{"type": "Ready", "status": "True", "observedGeneration": 1, "lastTransitionTime": "2024-01-02T03:04:05Z", "reason": "Ok", "message": ""}]}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "ResourceQuota",
         "metadata": {"name": "quota", "namespace": "web"},
         "spec": {"hard": {"pods": "10", "requests.cpu": "4", "requests.memory": "8Gi"}, "scopes": ["NotTerminating"],
           "scopeSelector": {"matchExpressions": [{"scopeName": "PriorityClass", "operator": "In", "values": ["high"]}]}},
         "status": {"hard": {"pods": "10"}, "used": {"pods": "3"}}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "Endpoints",
         "metadata": {"name": "web", "namespace": "web"},
         "subsets": [{
           "addresses": [{"ip": "10.0.0.2", "hostname": "web-0", "nodeName": "sim-0",
             "targetRef": {"kind": "Pod", "namespace": "web", "name": "web-0", "uid": "u-1", "resourceVersion": "7"}}],
           "notReadyAddresses": [{"ip": "10.0.1.2"}],
           "ports": [{"name": "http", "port": 80, "protocol": "TCP", "appProtocol": "http"}]}]}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "Event",
         "metadata": {"name": "web-0.17a", "namespace": "web"},
         "involvedObject": {"kind": "Pod", "namespace": "web", "name": "web-0", "uid": "u-1", "apiVersion": "v1",
           "resourceVersion": "7", "fieldPath": "spec.containers{web}"},
         "reason": "Pulled", "message": "Successfully pulled image", "source": {"component": "kubelet", "host": "sim-0"},
         "firstTimestamp": "2024-01-02T03:04:05Z", "lastTimestamp": "2024-01-02T03:09:05Z", "count": 3, "type": "Normal",
         "eventTime": "2024-01-02T03:04:05.123456Z", "series": {"count": 2, "lastObservedTime": "2024-01-02T03:09:05.000001Z"},
         "action": "Pulling", "related": {"kind": "Node", "name": "sim-0"},
         "reportingComponent": "kubelet", "reportingInstance": "sim-0"}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "PersistentVolumeClaim",
         "metadata": {"name": "data-web-0", "namespace": "web"},
         "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "10Gi"}, "limits": {"storage": "20Gi"}},
           "volumeName": "pv-1", "storageClassName": "", "volumeMode": "Filesystem",
           "selector": {"matchLabels": {"tier": "ssd"}},
           "dataSource": {"kind": "VolumeSnapshot", "name": "snap", "apiGroup": "snapshot.storage.k8s.io"},
           "dataSourceRef": {"kind": "VolumeSnapshot", "name": "snap", "apiGroup": "snapshot.storage.k8s.io", "namespace": "web"},
           "volumeAttributesClassName": "gold"},
         "status": {"phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": {"storage": "10Gi"},
           "conditions": [{"type": "Resizing", "status": "True", "lastProbeTime": null, "lastTransitionTime": "2024-01-02T03:04:05Z"}],
           "allocatedResources": {"storage": "10Gi"}, "allocatedResourceStatuses": {"storage": "ControllerResizeInProgress"},
           "currentVolumeAttributesClassName": "silver",
           "modifyVolumeStatus": {"targetVolumeAttributesClassName": "gold", "status": "InProgress"}}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "Node",
         "metadata": {"name": "sim-0", "labels": {"kubernetes.io/hostname": "sim-0"}},
         "spec": {"podCIDR": "10.0.0.0/24", "podCIDRs": ["10.0.0.0/24"], "providerID": "stead://sim-0", "unschedulable": true,
           "taints": [{"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule", "timeAdded": "2024-01-02T03:04:05Z"},
                      {"key": "dedicated", "value": "web", "effect": "NoExecute"}]},
         "status": {
           "capacity": {"cpu": "8", "memory": "32Gi", "pods": "110", "ephemeral-storage": "100Gi"},
           "allocatable": {"cpu": "7800m", "memory": "31Gi", "pods": "110"},
           "conditions": [{"type": "Ready", "status": "True", "lastHeartbeatTime": "2024-01-02T03:04:05Z",
             "lastTransitionTime": "2024-01-02T03:00:00Z", "reason": "KubeletReady", "message": "kubelet is posting ready status"}],
           "addresses": [{"type": "InternalIP", "address": "10.1.0.1"}, {"type": "Hostname", "address": "sim-0"}],
           "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
           "nodeInfo": {"machineID": "m", "systemUUID": "s", "bootID": "b", "kernelVersion": "6.8.0", "osImage": "Stead",
             "containerRuntimeVersion": "stead://1.0", "kubeletVersion": "v1.33.0", "kubeProxyVersion": "", "operatingSystem": "linux",
             "architecture": "amd64", "swap": {"capacity": 0}},
           "images": [{"names": ["docker.io/library/nginx:1.27"], "sizeBytes": 72000000}],
           "volumesInUse": ["kubernetes.io/csi/x"], "volumesAttached": [{"name": "kubernetes.io/csi/x", "devicePath": "/dev/sdb"}],
           "runtimeHandlers": [{"name": "runc", "features": {"recursiveReadOnlyMounts": true, "userNamespaces": false}}],
           "features": {"supplementalGroupsPolicy": true}}}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "Binding",
         "metadata": {"name": "web-0", "namespace": "web"},
         "target": {"apiVersion": "v1", "kind": "Node", "name": "sim-0"}}
        """#,
        #"""
        {"apiVersion": "apps/v1", "kind": "StatefulSet",
         "metadata": {"name": "web", "namespace": "web"},
         "spec": {
           "replicas": 3, "selector": {"matchLabels": {"app": "web"}}, "serviceName": "web",
           "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "nginx", "resources": {}}]}},
           "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "1Gi"}}},
             "status": {"phase": "Pending"}}],
           "podManagementPolicy": "Parallel",
           "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 1, "maxUnavailable": "50%"}},
           "revisionHistoryLimit": 10, "minReadySeconds": 5,
           "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Delete", "whenScaled": "Retain"},
           "ordinals": {"start": 1}},
         "status": {"observedGeneration": 2, "replicas": 3, "readyReplicas": 3, "currentReplicas": 3, "updatedReplicas": 3,
           "currentRevision": "web-5d8f", "updateRevision": "web-5d8f", "collisionCount": 0, "availableReplicas": 3,
           "conditions": [{"type": "Progressing", "status": "True", "lastTransitionTime": "2024-01-02T03:04:05Z"}]}}
        """#,
        #"""
        {"apiVersion": "apps/v1", "kind": "DaemonSet",
         "metadata": {"name": "agent", "namespace": "kube-system"},
         "spec": {"selector": {"matchLabels": {"app": "agent"}},
           "template": {"metadata": {"labels": {"app": "agent"}}, "spec": {"containers": [{"name": "agent", "image": "agent:1", "resources": {}}],
             "tolerations": [{"operator": "Exists"}]}},
           "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}},
           "minReadySeconds": 10, "revisionHistoryLimit": 5},
         "status": {"currentNumberScheduled": 10, "numberMisscheduled": 0, "desiredNumberScheduled": 10, "numberReady": 9,
           "observedGeneration": 1, "updatedNumberScheduled": 10, "numberAvailable": 9, "numberUnavailable": 1}}
        """#,
        #"""
        {"apiVersion": "apps/v1", "kind": "ReplicaSet",
         "metadata": {"name": "web-5d8f", "namespace": "web", "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "u-2", "controller": true}]},
         "spec": {"replicas": 0, "minReadySeconds": 3, "selector": {"matchLabels": {"app": "web", "pod-template-hash": "5d8f"}},
           "template": {"metadata": {"labels": {"app": "web", "pod-template-hash": "5d8f"}}, "spec": {"containers": [{"name": "web", "image": "nginx", "resources": {}}]}}},
         "status": {"replicas": 2, "fullyLabeledReplicas": 2, "readyReplicas": 2, "availableReplicas": 2, "terminatingReplicas": 0, "observedGeneration": 4}}
        """#,
        #"""
        {"apiVersion": "apps/v1", "kind": "ControllerRevision",
         "metadata": {"name": "web-5d8f", "namespace": "web"},
         "data": {"spec": {"template": {"$patch": "replace", "spec": {"containers": [{"name": "web", "image": "nginx:1.28"}]}}}},
         "revision": 2}
        """#,
        #"""
        {"apiVersion": "batch/v1", "kind": "Job",
         "metadata": {"name": "pi", "namespace": "batch"},
         "spec": {"parallelism": 2, "completions": 5, "activeDeadlineSeconds": 600, "backoffLimit": 4, "backoffLimitPerIndex": 1,
           "maxFailedIndexes": 2, "completionMode": "Indexed", "suspend": false, "manualSelector": false, "ttlSecondsAfterFinished": 100,
           "podReplacementPolicy": "Failed", "managedBy": "kueue.x-k8s.io/multikueue",
           "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "u-3"}},
           "podFailurePolicy": {"rules": [
             {"action": "FailJob", "onExitCodes": {"containerName": "main", "operator": "In", "values": [1, 2, 3]}},
             {"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget", "status": "True"}]}]},
           "successPolicy": {"rules": [{"succeededIndexes": "0-2", "succeededCount": 1}]},
           "template": {"metadata": {"labels": {"job-name": "pi"}}, "spec": {"restartPolicy": "Never",
             "containers": [{"name": "main", "image": "perl", "command": ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"], "resources": {}}]}}},
         "status": {"startTime": "2024-01-02T03:04:05Z", "completionTime": "2024-01-02T03:14:05Z", "active": 1, "succeeded": 4, "failed": 1,
           "terminating": 0, "ready": 1, "completedIndexes": "0-3", "failedIndexes": "4",
           "uncountedTerminatedPods": {"succeeded": ["u-a"], "failed": ["u-b"]},
           "conditions": [{"type": "Complete", "status": "True", "lastProbeTime": "2024-01-02T03:14:05Z", "lastTransitionTime": "2024-01-02T03:14:05Z"}]}}
        """#,
        #"""
        {"apiVersion": "batch/v1", "kind": "CronJob",
         "metadata": {"name": "hello", "namespace": "batch"},
         "spec": {"schedule": "*/5 * * * *", "timeZone": "Etc/UTC", "startingDeadlineSeconds": 200, "concurrencyPolicy": "Forbid",
           "suspend": true, "successfulJobsHistoryLimit": 3, "failedJobsHistoryLimit": 1,
           "jobTemplate": {"metadata": {"labels": {"cron": "hello"}}, "spec": {"template": {"spec": {"restartPolicy": "OnFailure",
             "containers": [{"name": "hello", "image": "busybox", "args": ["date"], "resources": {}}]}}}}},
         "status": {"active": [{"kind": "Job", "namespace": "batch", "name": "hello-28000000", "uid": "u-4", "apiVersion": "batch/v1", "resourceVersion": "9"}],
           "lastScheduleTime": "2024-01-02T03:05:00Z", "lastSuccessfulTime": "2024-01-02T03:00:10Z"}}
        """#,
        #"""
        {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
         "metadata": {"name": "web", "namespace": "web"},
         "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}, "unhealthyPodEvictionPolicy": "AlwaysAllow"},
         "status": {"observedGeneration": 1, "disruptedPods": {"web-1": "2024-01-02T03:04:05Z"}, "disruptionsAllowed": 1,
           "currentHealthy": 3, "desiredHealthy": 2, "expectedPods": 3,
           "conditions": [{"type": "DisruptionAllowed", "status": "True", "observedGeneration": 1,
             "lastTransitionTime": "2024-01-02T03:04:05Z", "reason": "SufficientPods", "message": ""}]}}
        """#,
        #"""
        {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
         "metadata": {"name": "web-max", "namespace": "web"},
         "spec": {"maxUnavailable": "10%", "selector": {}},
         "status": {"disruptionsAllowed": 0, "currentHealthy": 0, "desiredHealthy": 0, "expectedPods": 0}}
        """#,
        #"""
        {"apiVersion": "policy/v1", "kind": "Eviction",
         "metadata": {"name": "web-0", "namespace": "web"},
         "deleteOptions": {"gracePeriodSeconds": 0, "preconditions": {"uid": "u-1"}, "dryRun": ["All"]}}
        """#,
        #"""
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
         "metadata": {"name": "pod-reader", "namespace": "web"},
         "rules": [{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list", "watch"]},
                   {"apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["web"], "verbs": ["patch"]}]}
        """#,
        #"""
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
         "metadata": {"name": "monitoring"},
         "rules": [{"nonResourceURLs": ["/metrics", "/healthz"], "verbs": ["get"]}],
         "aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"rbac.example.com/aggregate-to-monitoring": "true"}}]}}
        """#,
        #"""
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
         "metadata": {"name": "read-pods", "namespace": "web"},
         "subjects": [{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"},
                      {"kind": "ServiceAccount", "name": "web", "namespace": "web"}],
         "roleRef": {"kind": "Role", "name": "pod-reader", "apiGroup": "rbac.authorization.k8s.io"}}
        """#,
        #"""
        {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
         "metadata": {"name": "monitoring"},
         "subjects": [{"kind": "Group", "name": "system:monitoring", "apiGroup": "rbac.authorization.k8s.io"}],
         "roleRef": {"kind": "ClusterRole", "name": "monitoring", "apiGroup": "rbac.authorization.k8s.io"}}
        """#,
        #"""
        {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
         "metadata": {"name": "web", "namespace": "web", "annotations": {"nginx.ingress.kubernetes.io/rewrite-target": "/"}},
         "spec": {"ingressClassName": "nginx",
           "defaultBackend": {"resource": {"apiGroup": "k8s.example.com", "kind": "StorageBucket", "name": "static"}},
           "tls": [{"hosts": ["web.example.com"], "secretName": "web-tls"}],
           "rules": [{"host": "web.example.com", "http": {"paths": [
             {"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}},
             {"path": "/api", "pathType": "Exact", "backend": {"service": {"name": "api", "port": {"name": "http"}}}}]}},
             {"host": "*.example.com"}]},
         "status": {"loadBalancer": {"ingress": [{"ip": "192.0.2.20", "hostname": "lb.example.com", "ports": [{"port": 443, "protocol": "TCP"}]}]}}}
        """#,
        #"""
        {"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
         "metadata": {"name": "db", "namespace": "web"},
         "spec": {"podSelector": {"matchLabels": {"role": "db"}}, "policyTypes": ["Ingress", "Egress"],
           "ingress": [{"from": [{"ipBlock": {"cidr": "172.17.0.0/16", "except": ["172.17.1.0/24"]}},
                                 {"namespaceSelector": {"matchLabels": {"project": "myproject"}}},
                                 {"podSelector": {"matchLabels": {"role": "frontend"}}}],
                        "ports": [{"protocol": "TCP", "port": 6379}, {"protocol": "TCP", "port": "metrics"}]}],
           "egress": [{"to": [{"ipBlock": {"cidr": "10.0.0.0/24"}}], "ports": [{"protocol": "TCP", "port": 32000, "endPort": 32768}]}]}}
        """#,
        #"""
        {"apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass",
         "metadata": {"name": "high"}, "value": 1000000, "globalDefault": true,
         "description": "For web pods.", "preemptionPolicy": "Never"}
        """#,
        #"""
        {"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
         "metadata": {"name": "sim-0", "namespace": "kube-node-lease"},
         "spec": {"holderIdentity": "sim-0", "leaseDurationSeconds": 40, "acquireTime": "2024-01-02T03:04:05.000000Z",
           "renewTime": "2024-01-02T03:09:05.654321Z", "leaseTransitions": 0, "strategy": "OldestEmulationVersion",
           "preferredHolder": "sim-1"}}
        """#,
        #"""
        {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest",
         "metadata": {"name": "web", "namespace": "web", "creationTimestamp": null},
         "spec": {"audiences": ["https://kubernetes.default.svc"], "expirationSeconds": 3600,
           "boundObjectRef": {"kind": "Pod", "apiVersion": "v1", "name": "web-0", "uid": "u-1"}},
         "status": {"token": "eyJhbGciOi.payload.sig", "expirationTimestamp": "2024-01-02T04:04:05Z"}}
        """#,
        #"""
        {"apiVersion": "authentication.k8s.io/v1", "kind": "TokenReview", "metadata": {"creationTimestamp": null},
         "spec": {"token": "eyJhbGciOi.payload.sig", "audiences": ["https://kubernetes.default.svc"]},
         "status": {"authenticated": true, "audiences": ["https://kubernetes.default.svc"],
           "user": {"username": "system:serviceaccount:web:bot", "uid": "u-2",
             "groups": ["system:serviceaccounts", "system:authenticated"], "extra": {"authentication.kubernetes.io/pod-name": ["web-0"]}}}}
        """#,
        #"""
        {"apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview", "metadata": {"creationTimestamp": null},
         "status": {"userInfo": {"username": "stead", "groups": ["system:masters", "system:authenticated"]}}}
        """#,
        #"""
        {"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview", "metadata": {"creationTimestamp": null},
         "spec": {"resourceAttributes": {"namespace": "web", "verb": "list", "resource": "pods",
           "fieldSelector": {"requirements": [{"key": "spec.nodeName", "operator": "In", "values": ["sim-1"]}]},
           "labelSelector": {"rawSelector": "app=web"}}},
         "status": {"allowed": false, "denied": true, "reason": "no rule"}}
        """#,
        #"""
        {"apiVersion": "authorization.k8s.io/v1", "kind": "SubjectAccessReview", "metadata": {"creationTimestamp": null},
         "spec": {"nonResourceAttributes": {"path": "/healthz", "verb": "get"}, "user": "alice", "groups": ["dev"],
           "extra": {"scopes": ["a", "b"]}, "uid": "u-3"},
         "status": {"allowed": true, "reason": "RBAC: allowed"}}
        """#,
        #"""
        {"apiVersion": "authorization.k8s.io/v1", "kind": "LocalSubjectAccessReview",
         "metadata": {"namespace": "web", "creationTimestamp": null},
         "spec": {"resourceAttributes": {"namespace": "web", "verb": "get", "group": "apps", "version": "v1",
           "resource": "deployments", "subresource": "scale", "name": "front"}, "user": "bob"},
         "status": {"allowed": false}}
        """#,
        #"""
        {"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectRulesReview", "metadata": {"creationTimestamp": null},
         "spec": {"namespace": "web"},
         "status": {"resourceRules": [{"verbs": ["get", "list"], "apiGroups": [""], "resources": ["pods"], "resourceNames": ["web-0"]}],
           "nonResourceRules": [{"verbs": ["get"], "nonResourceURLs": ["/api", "/api/*"]}], "incomplete": false}}
        """#,
        #"""
        {"apiVersion": "autoscaling/v1", "kind": "Scale",
         "metadata": {"name": "web", "namespace": "web", "resourceVersion": "77"},
         "spec": {"replicas": 5}, "status": {"replicas": 3, "selector": "app=web"}}
        """#,
        #"""
        {"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
         "metadata": {"name": "fast", "annotations": {"storageclass.kubernetes.io/is-default-class": "true"}},
         "provisioner": "ebs.csi.aws.com", "parameters": {"type": "gp3", "iops": "3000"},
         "reclaimPolicy": "Retain", "mountOptions": ["debug"], "allowVolumeExpansion": true,
         "volumeBindingMode": "WaitForFirstConsumer",
         "allowedTopologies": [{"matchLabelExpressions": [{"key": "topology.ebs.csi.aws.com/zone", "values": ["us-east-1a"]}]}]}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "DeleteOptions",
         "propagationPolicy": "Foreground", "gracePeriodSeconds": 30, "orphanDependents": false,
         "preconditions": {"uid": "3f1c2a9e-5b7d-4c1e-9a8f-2d6b4e0c7a11", "resourceVersion": "1234"}, "dryRun": ["All"]}
        """#,
        #"""
        {"apiVersion": "meta.k8s.io/v1", "kind": "DeleteOptions", "propagationPolicy": "Background",
         "ignoreStoreReadErrorWithClusterBreakingPotential": true}
        """#,
        #"""
        {"apiVersion": "v1", "kind": "Status",
         "metadata": {"resourceVersion": "99"}, "status": "Failure",
         "message": "pods \"web-0\" is forbidden: exceeded quota", "reason": "Forbidden", "code": 403,
         "details": {"name": "web-0", "kind": "pods", "uid": "u-1", "retryAfterSeconds": 2,
           "causes": [{"reason": "FieldValueInvalid", "message": "Invalid value", "field": "spec.containers[0].image"}]}}
        """#,
        #"""
        {"apiVersion": "meta.k8s.io/v1", "kind": "Status", "metadata": {}, "status": "Success", "code": 200}
        """#,
    ]
}
