// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// The fields of a Container (and of an ephemeral container, which has the same).
    static let containerFields: [Int: (String, FieldSpec)] = [
        1: ("name", .string),
        2: ("image", .string.omitEmpty),
        3: ("command", .repeated(.string)),
        4: ("args", .repeated(.string)),
        5: ("workingDir", .string.omitEmpty),
        6: ("ports", .repeated(.message("ContainerPort"))),
        7: ("env", .repeated(.message("EnvVar"))),
        8: ("resources", .message("ResourceRequirements")),
        9: ("volumeMounts", .repeated(.message("VolumeMount"))),
        10: ("livenessProbe", .message("Probe")),
        11: ("readinessProbe", .message("Probe")),
        12: ("lifecycle", .message("Lifecycle")),
        13: ("terminationMessagePath", .string.omitEmpty),
        14: ("imagePullPolicy", .string.omitEmpty),
        15: ("securityContext", .message("SecurityContext")),
        16: ("stdin", .bool.omitEmpty),
        17: ("stdinOnce", .bool.omitEmpty),
        18: ("tty", .bool.omitEmpty),
        19: ("envFrom", .repeated(.message("EnvFromSource"))),
        20: ("terminationMessagePolicy", .string.omitEmpty),
        21: ("volumeDevices", .repeated(.message("VolumeDevice"))),
        22: ("startupProbe", .message("Probe")),
        23: ("resizePolicy", .repeated(.message("ContainerResizePolicy"))),
        24: ("restartPolicy", .string),
        25: ("restartPolicyRules", .repeated(.message("ContainerRestartRule"))),
    ]

    /// core/v1 (`v1`).
    mutating func declareCoreV1() {
        inPackage("io.k8s.api.core.v1")
        message("Namespace", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("NamespaceSpec")),
            3: ("status", .message("NamespaceStatus")),
        ])
        message("NamespaceSpec", [
            1: ("finalizers", .repeated(.string)),
        ])
        message("NamespaceStatus", [
            1: ("phase", .string.omitEmpty),
            2: ("conditions", .repeated(.message("NamespaceCondition"))),
        ])
        message("NamespaceCondition", [
            1: ("type", .string),
            2: ("status", .string),
            4: ("lastTransitionTime", .time),
            5: ("reason", .string.omitEmpty),
            6: ("message", .string.omitEmpty),
        ])
        message("ConfigMap", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("data", .map(.string)),
            3: ("binaryData", .map(.bytes)),
            4: ("immutable", .bool),
        ])
        message("Secret", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("data", .map(.bytes)),
            3: ("type", .string.omitEmpty),
            4: ("stringData", .map(.string)),
            5: ("immutable", .bool),
        ])
        message("ServiceAccount", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("secrets", .repeated(.message("ObjectReference"))),
            3: ("imagePullSecrets", .repeated(.message("LocalObjectReference"))),
            4: ("automountServiceAccountToken", .bool),
        ])
        message("ObjectReference", [
            1: ("kind", .string.omitEmpty),
            2: ("namespace", .string.omitEmpty),
            3: ("name", .string.omitEmpty),
            4: ("uid", .string.omitEmpty),
            5: ("apiVersion", .string.omitEmpty),
            6: ("resourceVersion", .string.omitEmpty),
            7: ("fieldPath", .string.omitEmpty),
        ])
        message("LocalObjectReference", [
            1: ("name", .string.omitEmpty),
        ])
        message("Service", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("ServiceSpec")),
            3: ("status", .message("ServiceStatus")),
        ])
        message("ServiceSpec", [
            1: ("ports", .repeated(.message("ServicePort"))),
            2: ("selector", .map(.string)),
            3: ("clusterIP", .string.omitEmpty),
            4: ("type", .string.omitEmpty),
            5: ("externalIPs", .repeated(.string)),
            7: ("sessionAffinity", .string.omitEmpty),
            8: ("loadBalancerIP", .string.omitEmpty),
            9: ("loadBalancerSourceRanges", .repeated(.string)),
            10: ("externalName", .string.omitEmpty),
            11: ("externalTrafficPolicy", .string.omitEmpty),
            12: ("healthCheckNodePort", .int32.omitEmpty),
            13: ("publishNotReadyAddresses", .bool.omitEmpty),
            14: ("sessionAffinityConfig", .message("SessionAffinityConfig")),
            17: ("ipFamilyPolicy", .string),
            18: ("clusterIPs", .repeated(.string)),
            19: ("ipFamilies", .repeated(.string)),
            20: ("allocateLoadBalancerNodePorts", .bool),
            21: ("loadBalancerClass", .string),
            22: ("internalTrafficPolicy", .string),
            23: ("trafficDistribution", .string),
        ])
        message("ServicePort", [
            1: ("name", .string.omitEmpty),
            2: ("protocol", .string.omitEmpty),
            3: ("port", .int32),
            4: ("targetPort", .intOrString),
            5: ("nodePort", .int32.omitEmpty),
            6: ("appProtocol", .string),
        ])
        message("SessionAffinityConfig", [
            1: ("clientIP", .message("ClientIPConfig")),
        ])
        message("ClientIPConfig", [
            1: ("timeoutSeconds", .int32),
        ])
        message("ServiceStatus", [
            1: ("loadBalancer", .message("LoadBalancerStatus")),
            2: ("conditions", .repeated(.message("Condition"))),
        ])
        message("LoadBalancerStatus", [
            1: ("ingress", .repeated(.message("LoadBalancerIngress"))),
        ])
        message("LoadBalancerIngress", [
            1: ("ip", .string.omitEmpty),
            2: ("hostname", .string.omitEmpty),
            3: ("ipMode", .string),
            4: ("ports", .repeated(.message("PortStatus"))),
        ])
        message("PortStatus", [
            1: ("port", .int32),
            2: ("protocol", .string),
            3: ("error", .string),
        ])
        message("Pod", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("PodSpec")),
            3: ("status", .message("PodStatus")),
        ])
        message("PodSpec", [
            1: ("volumes", .repeated(.message("Volume"))),
            2: ("containers", .repeated(.message("Container"))),
            3: ("restartPolicy", .string.omitEmpty),
            4: ("terminationGracePeriodSeconds", .int64),
            5: ("activeDeadlineSeconds", .int64),
            6: ("dnsPolicy", .string.omitEmpty),
            7: ("nodeSelector", .map(.string)),
            8: ("serviceAccountName", .string.omitEmpty),
            9: ("serviceAccount", .string.omitEmpty),
            10: ("nodeName", .string.omitEmpty),
            11: ("hostNetwork", .bool.omitEmpty),
            12: ("hostPID", .bool.omitEmpty),
            13: ("hostIPC", .bool.omitEmpty),
            14: ("securityContext", .message("PodSecurityContext")),
            15: ("imagePullSecrets", .repeated(.message("LocalObjectReference"))),
            16: ("hostname", .string.omitEmpty),
            17: ("subdomain", .string.omitEmpty),
            18: ("affinity", .message("Affinity")),
            19: ("schedulerName", .string.omitEmpty),
            20: ("initContainers", .repeated(.message("Container"))),
            21: ("automountServiceAccountToken", .bool),
            22: ("tolerations", .repeated(.message("Toleration"))),
            23: ("hostAliases", .repeated(.message("HostAlias"))),
            24: ("priorityClassName", .string.omitEmpty),
            25: ("priority", .int32),
            26: ("dnsConfig", .message("PodDNSConfig")),
            27: ("shareProcessNamespace", .bool),
            28: ("readinessGates", .repeated(.message("PodReadinessGate"))),
            29: ("runtimeClassName", .string),
            30: ("enableServiceLinks", .bool),
            31: ("preemptionPolicy", .string),
            32: ("overhead", .map(.quantity)),
            33: ("topologySpreadConstraints", .repeated(.message("TopologySpreadConstraint"))),
            34: ("ephemeralContainers", .repeated(.message("EphemeralContainer"))),
            35: ("setHostnameAsFQDN", .bool),
            36: ("os", .message("PodOS")),
            37: ("hostUsers", .bool),
            38: ("schedulingGates", .repeated(.message("PodSchedulingGate"))),
            39: ("resourceClaims", .repeated(.message("PodResourceClaim"))),
            40: ("resources", .message("ResourceRequirements")),
            41: ("hostnameOverride", .string),
            43: ("schedulingGroup", .message("PodSchedulingGroup")),
            44: ("evictionResponders", .repeated(.message("EvictionResponder"))),
        ])
        message("Volume", [
            1: ("name", .string),
            2: ("volumeSource", .inline("VolumeSource")),
        ])
        message("VolumeSource", [
            1: ("hostPath", .message("HostPathVolumeSource")),
            2: ("emptyDir", .message("EmptyDirVolumeSource")),
            3: ("gcePersistentDisk", .message("GCEPersistentDiskVolumeSource")),
            4: ("awsElasticBlockStore", .message("AWSElasticBlockStoreVolumeSource")),
            5: ("gitRepo", .message("GitRepoVolumeSource")),
            6: ("secret", .message("SecretVolumeSource")),
            7: ("nfs", .message("NFSVolumeSource")),
            8: ("iscsi", .message("ISCSIVolumeSource")),
            9: ("glusterfs", .message("GlusterfsVolumeSource")),
            10: ("persistentVolumeClaim", .message("PersistentVolumeClaimVolumeSource")),
            11: ("rbd", .message("RBDVolumeSource")),
            12: ("flexVolume", .message("FlexVolumeSource")),
            13: ("cinder", .message("CinderVolumeSource")),
            14: ("cephfs", .message("CephFSVolumeSource")),
            15: ("flocker", .message("FlockerVolumeSource")),
            16: ("downwardAPI", .message("DownwardAPIVolumeSource")),
            17: ("fc", .message("FCVolumeSource")),
            18: ("azureFile", .message("AzureFileVolumeSource")),
            19: ("configMap", .message("ConfigMapVolumeSource")),
            20: ("vsphereVolume", .message("VsphereVirtualDiskVolumeSource")),
            21: ("quobyte", .message("QuobyteVolumeSource")),
            22: ("azureDisk", .message("AzureDiskVolumeSource")),
            23: ("photonPersistentDisk", .message("PhotonPersistentDiskVolumeSource")),
            24: ("portworxVolume", .message("PortworxVolumeSource")),
            25: ("scaleIO", .message("ScaleIOVolumeSource")),
            26: ("projected", .message("ProjectedVolumeSource")),
            27: ("storageos", .message("StorageOSVolumeSource")),
            28: ("csi", .message("CSIVolumeSource")),
            29: ("ephemeral", .message("EphemeralVolumeSource")),
            30: ("image", .message("ImageVolumeSource")),
        ])
        message("HostPathVolumeSource", [
            1: ("path", .string),
            2: ("type", .string),
        ])
        message("EmptyDirVolumeSource", [
            1: ("medium", .string.omitEmpty),
            2: ("sizeLimit", .quantity),
            3: ("mode", .int32),
        ])
        message("GCEPersistentDiskVolumeSource", [
            1: ("pdName", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("partition", .int32.omitEmpty),
            4: ("readOnly", .bool.omitEmpty),
        ])
        message("AWSElasticBlockStoreVolumeSource", [
            1: ("volumeID", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("partition", .int32.omitEmpty),
            4: ("readOnly", .bool.omitEmpty),
        ])
        message("GitRepoVolumeSource", [
            1: ("repository", .string),
            2: ("revision", .string.omitEmpty),
            3: ("directory", .string.omitEmpty),
        ])
        message("SecretVolumeSource", [
            1: ("secretName", .string.omitEmpty),
            2: ("items", .repeated(.message("KeyToPath"))),
            3: ("defaultMode", .int32),
            4: ("optional", .bool),
            5: ("defaultUser", .int64),
        ])
        message("KeyToPath", [
            1: ("key", .string),
            2: ("path", .string),
            3: ("mode", .int32),
            4: ("user", .int64),
        ])
        message("NFSVolumeSource", [
            1: ("server", .string),
            2: ("path", .string),
            3: ("readOnly", .bool.omitEmpty),
        ])
        message("ISCSIVolumeSource", [
            1: ("targetPortal", .string),
            2: ("iqn", .string),
            3: ("lun", .int32),
            4: ("iscsiInterface", .string.omitEmpty),
            5: ("fsType", .string.omitEmpty),
            6: ("readOnly", .bool.omitEmpty),
            7: ("portals", .repeated(.string)),
            8: ("chapAuthDiscovery", .bool.omitEmpty),
            10: ("secretRef", .message("LocalObjectReference")),
            11: ("chapAuthSession", .bool.omitEmpty),
            12: ("initiatorName", .string),
        ])
        message("GlusterfsVolumeSource", [
            1: ("endpoints", .string),
            2: ("path", .string),
            3: ("readOnly", .bool.omitEmpty),
        ])
        message("PersistentVolumeClaimVolumeSource", [
            1: ("claimName", .string),
            2: ("readOnly", .bool.omitEmpty),
        ])
        message("RBDVolumeSource", [
            1: ("monitors", .repeated(.string)),
            2: ("image", .string),
            3: ("fsType", .string.omitEmpty),
            4: ("pool", .string.omitEmpty),
            5: ("user", .string.omitEmpty),
            6: ("keyring", .string.omitEmpty),
            7: ("secretRef", .message("LocalObjectReference")),
            8: ("readOnly", .bool.omitEmpty),
        ])
        message("FlexVolumeSource", [
            1: ("driver", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("secretRef", .message("LocalObjectReference")),
            4: ("readOnly", .bool.omitEmpty),
            5: ("options", .map(.string)),
        ])
        message("CinderVolumeSource", [
            1: ("volumeID", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("readOnly", .bool.omitEmpty),
            4: ("secretRef", .message("LocalObjectReference")),
        ])
        message("CephFSVolumeSource", [
            1: ("monitors", .repeated(.string)),
            2: ("path", .string.omitEmpty),
            3: ("user", .string.omitEmpty),
            4: ("secretFile", .string.omitEmpty),
            5: ("secretRef", .message("LocalObjectReference")),
            6: ("readOnly", .bool.omitEmpty),
        ])
        message("FlockerVolumeSource", [
            1: ("datasetName", .string.omitEmpty),
            2: ("datasetUUID", .string.omitEmpty),
        ])
        message("DownwardAPIVolumeSource", [
            1: ("items", .repeated(.message("DownwardAPIVolumeFile"))),
            2: ("defaultMode", .int32),
            3: ("defaultUser", .int64),
        ])
        message("DownwardAPIVolumeFile", [
            1: ("path", .string),
            2: ("fieldRef", .message("ObjectFieldSelector")),
            3: ("resourceFieldRef", .message("ResourceFieldSelector")),
            4: ("mode", .int32),
            5: ("user", .int64),
        ])
        message("ObjectFieldSelector", [
            1: ("apiVersion", .string.omitEmpty),
            2: ("fieldPath", .string),
        ])
        message("ResourceFieldSelector", [
            1: ("containerName", .string.omitEmpty),
            2: ("resource", .string),
            3: ("divisor", .quantity),
        ])
        message("FCVolumeSource", [
            1: ("targetWWNs", .repeated(.string)),
            2: ("lun", .int32),
            3: ("fsType", .string.omitEmpty),
            4: ("readOnly", .bool.omitEmpty),
            5: ("wwids", .repeated(.string)),
        ])
        message("AzureFileVolumeSource", [
            1: ("secretName", .string),
            2: ("shareName", .string),
            3: ("readOnly", .bool.omitEmpty),
        ])
        message("ConfigMapVolumeSource", [
            1: ("localObjectReference", .inline("LocalObjectReference")),
            2: ("items", .repeated(.message("KeyToPath"))),
            3: ("defaultMode", .int32),
            4: ("optional", .bool),
            5: ("defaultUser", .int64),
        ])
        message("VsphereVirtualDiskVolumeSource", [
            1: ("volumePath", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("storagePolicyName", .string.omitEmpty),
            4: ("storagePolicyID", .string.omitEmpty),
        ])
        message("QuobyteVolumeSource", [
            1: ("registry", .string),
            2: ("volume", .string),
            3: ("readOnly", .bool.omitEmpty),
            4: ("user", .string.omitEmpty),
            5: ("group", .string.omitEmpty),
            6: ("tenant", .string.omitEmpty),
        ])
        message("AzureDiskVolumeSource", [
            1: ("diskName", .string),
            2: ("diskURI", .string),
            3: ("cachingMode", .string),
            4: ("fsType", .string),
            5: ("readOnly", .bool),
            6: ("kind", .string),
        ])
        message("PhotonPersistentDiskVolumeSource", [
            1: ("pdID", .string),
            2: ("fsType", .string.omitEmpty),
        ])
        message("ProjectedVolumeSource", [
            1: ("sources", .repeated(.message("VolumeProjection"))),
            2: ("defaultMode", .int32),
            3: ("defaultUser", .int64),
        ])
        message("VolumeProjection", [
            1: ("secret", .message("SecretProjection")),
            2: ("downwardAPI", .message("DownwardAPIProjection")),
            3: ("configMap", .message("ConfigMapProjection")),
            4: ("serviceAccountToken", .message("ServiceAccountTokenProjection")),
            5: ("clusterTrustBundle", .message("ClusterTrustBundleProjection")),
            6: ("podCertificate", .message("PodCertificateProjection")),
        ])
        message("SecretProjection", [
            1: ("localObjectReference", .inline("LocalObjectReference")),
            2: ("items", .repeated(.message("KeyToPath"))),
            4: ("optional", .bool),
        ])
        message("DownwardAPIProjection", [
            1: ("items", .repeated(.message("DownwardAPIVolumeFile"))),
        ])
        message("ConfigMapProjection", [
            1: ("localObjectReference", .inline("LocalObjectReference")),
            2: ("items", .repeated(.message("KeyToPath"))),
            4: ("optional", .bool),
        ])
        message("ServiceAccountTokenProjection", [
            1: ("audience", .string.omitEmpty),
            2: ("expirationSeconds", .int64),
            3: ("path", .string),
            4: ("user", .int64),
        ])
        message("ClusterTrustBundleProjection", [
            1: ("name", .string),
            2: ("signerName", .string),
            3: ("labelSelector", .message("LabelSelector")),
            4: ("path", .string),
            5: ("optional", .bool),
            6: ("user", .int64),
        ])
        message("PodCertificateProjection", [
            1: ("signerName", .string.omitEmpty),
            2: ("keyType", .string.omitEmpty),
            3: ("maxExpirationSeconds", .int32),
            4: ("credentialBundlePath", .string.omitEmpty),
            5: ("keyPath", .string.omitEmpty),
            6: ("certificateChainPath", .string.omitEmpty),
            7: ("userAnnotations", .map(.string)),
            8: ("user", .int64),
        ])
        message("PortworxVolumeSource", [
            1: ("volumeID", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("readOnly", .bool.omitEmpty),
        ])
        message("ScaleIOVolumeSource", [
            1: ("gateway", .string),
            2: ("system", .string),
            3: ("secretRef", .message("LocalObjectReference")),
            4: ("sslEnabled", .bool.omitEmpty),
            5: ("protectionDomain", .string.omitEmpty),
            6: ("storagePool", .string.omitEmpty),
            7: ("storageMode", .string.omitEmpty),
            8: ("volumeName", .string.omitEmpty),
            9: ("fsType", .string.omitEmpty),
            10: ("readOnly", .bool.omitEmpty),
        ])
        message("StorageOSVolumeSource", [
            1: ("volumeName", .string.omitEmpty),
            2: ("volumeNamespace", .string.omitEmpty),
            3: ("fsType", .string.omitEmpty),
            4: ("readOnly", .bool.omitEmpty),
            5: ("secretRef", .message("LocalObjectReference")),
        ])
        message("CSIVolumeSource", [
            1: ("driver", .string),
            2: ("readOnly", .bool),
            3: ("fsType", .string),
            4: ("volumeAttributes", .map(.string)),
            5: ("nodePublishSecretRef", .message("LocalObjectReference")),
        ])
        message("EphemeralVolumeSource", [
            1: ("volumeClaimTemplate", .message("PersistentVolumeClaimTemplate")),
        ])
        message("PersistentVolumeClaimTemplate", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("PersistentVolumeClaimSpec")),
        ])
        message("PersistentVolumeClaimSpec", [
            1: ("accessModes", .repeated(.string)),
            2: ("resources", .message("VolumeResourceRequirements")),
            3: ("volumeName", .string.omitEmpty),
            4: ("selector", .message("LabelSelector")),
            5: ("storageClassName", .string),
            6: ("volumeMode", .string),
            7: ("dataSource", .message("TypedLocalObjectReference")),
            8: ("dataSourceRef", .message("TypedObjectReference")),
            9: ("volumeAttributesClassName", .string),
        ])
        message("VolumeResourceRequirements", [
            1: ("limits", .map(.quantity)),
            2: ("requests", .map(.quantity)),
        ])
        message("TypedLocalObjectReference", [
            1: ("apiGroup", .string),
            2: ("kind", .string),
            3: ("name", .string),
        ])
        message("TypedObjectReference", [
            1: ("apiGroup", .string),
            2: ("kind", .string),
            3: ("name", .string),
            4: ("namespace", .string),
        ])
        message("ImageVolumeSource", [
            1: ("reference", .string.omitEmpty),
            2: ("pullPolicy", .string.omitEmpty),
        ])
        message("Container", Self.containerFields)
        message("ContainerPort", [
            1: ("name", .string.omitEmpty),
            2: ("hostPort", .int32.omitEmpty),
            3: ("containerPort", .int32),
            4: ("protocol", .string.omitEmpty),
            5: ("hostIP", .string.omitEmpty),
        ])
        message("EnvFromSource", [
            1: ("prefix", .string.omitEmpty),
            2: ("configMapRef", .message("ConfigMapEnvSource")),
            3: ("secretRef", .message("SecretEnvSource")),
        ])
        message("ConfigMapEnvSource", [
            1: ("localObjectReference", .inline("LocalObjectReference")),
            2: ("optional", .bool),
        ])
        message("SecretEnvSource", [
            1: ("localObjectReference", .inline("LocalObjectReference")),
            2: ("optional", .bool),
        ])
        message("EnvVar", [
            1: ("name", .string),
            2: ("value", .string.omitEmpty),
            3: ("valueFrom", .message("EnvVarSource")),
        ])
        message("EnvVarSource", [
            1: ("fieldRef", .message("ObjectFieldSelector")),
            2: ("resourceFieldRef", .message("ResourceFieldSelector")),
            3: ("configMapKeyRef", .message("ConfigMapKeySelector")),
            4: ("secretKeyRef", .message("SecretKeySelector")),
            5: ("fileKeyRef", .message("FileKeySelector")),
        ])
        message("ConfigMapKeySelector", [
            1: ("localObjectReference", .inline("LocalObjectReference")),
            2: ("key", .string),
            3: ("optional", .bool),
        ])
        message("SecretKeySelector", [
            1: ("localObjectReference", .inline("LocalObjectReference")),
            2: ("key", .string),
            3: ("optional", .bool),
        ])
        message("FileKeySelector", [
            1: ("volumeName", .string),
            2: ("path", .string),
            3: ("key", .string),
            4: ("optional", .bool),
        ])
        message("ResourceRequirements", [
            1: ("limits", .map(.quantity)),
            2: ("requests", .map(.quantity)),
            3: ("claims", .repeated(.message("ResourceClaim"))),
        ])
        message("ResourceClaim", [
            1: ("name", .string),
            2: ("request", .string.omitEmpty),
        ])
        message("ContainerResizePolicy", [
            1: ("resourceName", .string),
            2: ("restartPolicy", .string),
        ])
        message("ContainerRestartRule", [
            1: ("action", .string.omitEmpty),
            2: ("exitCodes", .message("ContainerRestartRuleOnExitCodes")),
        ])
        message("ContainerRestartRuleOnExitCodes", [
            1: ("operator", .string.omitEmpty),
            2: ("values", .repeated(.int32)),
        ])
        message("VolumeMount", [
            1: ("name", .string),
            2: ("readOnly", .bool.omitEmpty),
            3: ("mountPath", .string),
            4: ("subPath", .string.omitEmpty),
            5: ("mountPropagation", .string),
            6: ("subPathExpr", .string.omitEmpty),
            7: ("recursiveReadOnly", .string),
            8: ("bindMountOptions", .repeated(.string)),
        ])
        message("VolumeDevice", [
            1: ("name", .string),
            2: ("devicePath", .string),
        ])
        message("Probe", [
            1: ("handler", .inline("ProbeHandler")),
            2: ("initialDelaySeconds", .int32.omitEmpty),
            3: ("timeoutSeconds", .int32.omitEmpty),
            4: ("periodSeconds", .int32.omitEmpty),
            5: ("successThreshold", .int32.omitEmpty),
            6: ("failureThreshold", .int32.omitEmpty),
            7: ("terminationGracePeriodSeconds", .int64),
        ])
        message("ProbeHandler", [
            1: ("exec", .message("ExecAction")),
            2: ("httpGet", .message("HTTPGetAction")),
            3: ("tcpSocket", .message("TCPSocketAction")),
            4: ("grpc", .message("GRPCAction")),
        ])
        message("ExecAction", [
            1: ("command", .repeated(.string)),
        ])
        message("HTTPGetAction", [
            1: ("path", .string.omitEmpty),
            2: ("port", .intOrString),
            3: ("host", .string.omitEmpty),
            4: ("scheme", .string.omitEmpty),
            5: ("httpHeaders", .repeated(.message("HTTPHeader"))),
            6: ("protocol", .string),
        ])
        message("HTTPHeader", [
            1: ("name", .string),
            2: ("value", .string),
        ])
        message("TCPSocketAction", [
            1: ("port", .intOrString),
            2: ("host", .string.omitEmpty),
        ])
        message("GRPCAction", [
            1: ("port", .int32),
            2: ("service", .string),
            3: ("mode", .string),
        ])
        message("Lifecycle", [
            1: ("postStart", .message("LifecycleHandler")),
            2: ("preStop", .message("LifecycleHandler")),
            3: ("stopSignal", .string),
        ])
        message("LifecycleHandler", [
            1: ("exec", .message("ExecAction")),
            2: ("httpGet", .message("HTTPGetAction")),
            3: ("tcpSocket", .message("TCPSocketAction")),
            4: ("sleep", .message("SleepAction")),
        ])
        message("SleepAction", [
            1: ("seconds", .int64),
        ])
        message("SecurityContext", [
            1: ("capabilities", .message("Capabilities")),
            2: ("privileged", .bool),
            3: ("seLinuxOptions", .message("SELinuxOptions")),
            4: ("runAsUser", .int64),
            5: ("runAsNonRoot", .bool),
            6: ("readOnlyRootFilesystem", .bool),
            7: ("allowPrivilegeEscalation", .bool),
            8: ("runAsGroup", .int64),
            9: ("procMount", .string),
            10: ("windowsOptions", .message("WindowsSecurityContextOptions")),
            11: ("seccompProfile", .message("SeccompProfile")),
            12: ("appArmorProfile", .message("AppArmorProfile")),
        ])
        message("Capabilities", [
            1: ("add", .repeated(.string)),
            2: ("drop", .repeated(.string)),
        ])
        message("SELinuxOptions", [
            1: ("user", .string.omitEmpty),
            2: ("role", .string.omitEmpty),
            3: ("type", .string.omitEmpty),
            4: ("level", .string.omitEmpty),
        ])
        message("WindowsSecurityContextOptions", [
            1: ("gmsaCredentialSpecName", .string),
            2: ("gmsaCredentialSpec", .string),
            3: ("runAsUserName", .string),
            4: ("hostProcess", .bool),
        ])
        message("SeccompProfile", [
            1: ("type", .string),
            2: ("localhostProfile", .string),
        ])
        message("AppArmorProfile", [
            1: ("type", .string),
            2: ("localhostProfile", .string),
        ])
        message("EphemeralContainer", [
            1: ("ephemeralContainerCommon", .inline("EphemeralContainerCommon")),
            2: ("targetContainerName", .string.omitEmpty),
        ])
        // The same fields as Container, as Kubernetes keeps them in step.
        message("EphemeralContainerCommon", Self.containerFields)
        message("PodSecurityContext", [
            1: ("seLinuxOptions", .message("SELinuxOptions")),
            2: ("runAsUser", .int64),
            3: ("runAsNonRoot", .bool),
            4: ("supplementalGroups", .repeated(.int64)),
            5: ("fsGroup", .int64),
            6: ("runAsGroup", .int64),
            7: ("sysctls", .repeated(.message("Sysctl"))),
            8: ("windowsOptions", .message("WindowsSecurityContextOptions")),
            9: ("fsGroupChangePolicy", .string),
            10: ("seccompProfile", .message("SeccompProfile")),
            11: ("appArmorProfile", .message("AppArmorProfile")),
            12: ("supplementalGroupsPolicy", .string),
            13: ("seLinuxChangePolicy", .string),
        ])
        message("Sysctl", [
            1: ("name", .string),
            2: ("value", .string),
        ])
        message("Affinity", [
            1: ("nodeAffinity", .message("NodeAffinity")),
            2: ("podAffinity", .message("PodAffinity")),
            3: ("podAntiAffinity", .message("PodAntiAffinity")),
        ])
        message("NodeAffinity", [
            1: ("requiredDuringSchedulingIgnoredDuringExecution", .message("NodeSelector")),
            2: ("preferredDuringSchedulingIgnoredDuringExecution", .repeated(.message("PreferredSchedulingTerm"))),
        ])
        message("NodeSelector", [
            1: ("nodeSelectorTerms", .repeated(.message("NodeSelectorTerm"))),
        ])
        message("NodeSelectorTerm", [
            1: ("matchExpressions", .repeated(.message("NodeSelectorRequirement"))),
            2: ("matchFields", .repeated(.message("NodeSelectorRequirement"))),
        ])
        message("NodeSelectorRequirement", [
            1: ("key", .string),
            2: ("operator", .string),
            3: ("values", .repeated(.string)),
        ])
        message("PreferredSchedulingTerm", [
            1: ("weight", .int32),
            2: ("preference", .message("NodeSelectorTerm")),
        ])
        message("PodAffinity", [
            1: ("requiredDuringSchedulingIgnoredDuringExecution", .repeated(.message("PodAffinityTerm"))),
            2: ("preferredDuringSchedulingIgnoredDuringExecution", .repeated(.message("WeightedPodAffinityTerm"))),
        ])
        message("PodAffinityTerm", [
            1: ("labelSelector", .message("LabelSelector")),
            2: ("namespaces", .repeated(.string)),
            3: ("topologyKey", .string),
            4: ("namespaceSelector", .message("LabelSelector")),
            5: ("matchLabelKeys", .repeated(.string)),
            6: ("mismatchLabelKeys", .repeated(.string)),
        ])
        message("WeightedPodAffinityTerm", [
            1: ("weight", .int32),
            2: ("podAffinityTerm", .message("PodAffinityTerm")),
        ])
        message("PodAntiAffinity", [
            1: ("requiredDuringSchedulingIgnoredDuringExecution", .repeated(.message("PodAffinityTerm"))),
            2: ("preferredDuringSchedulingIgnoredDuringExecution", .repeated(.message("WeightedPodAffinityTerm"))),
        ])
        message("Toleration", [
            1: ("key", .string.omitEmpty),
            2: ("operator", .string.omitEmpty),
            3: ("value", .string.omitEmpty),
            4: ("effect", .string.omitEmpty),
            5: ("tolerationSeconds", .int64),
        ])
        message("HostAlias", [
            1: ("ip", .string),
            2: ("hostnames", .repeated(.string)),
        ])
        message("PodDNSConfig", [
            1: ("nameservers", .repeated(.string)),
            2: ("searches", .repeated(.string)),
            3: ("options", .repeated(.message("PodDNSConfigOption"))),
        ])
        message("PodDNSConfigOption", [
            1: ("name", .string.omitEmpty),
            2: ("value", .string),
        ])
        message("PodReadinessGate", [
            1: ("conditionType", .string),
        ])
        message("TopologySpreadConstraint", [
            1: ("maxSkew", .int32),
            2: ("topologyKey", .string),
            3: ("whenUnsatisfiable", .string),
            4: ("labelSelector", .message("LabelSelector")),
            5: ("minDomains", .int32),
            6: ("nodeAffinityPolicy", .string),
            7: ("nodeTaintsPolicy", .string),
            8: ("matchLabelKeys", .repeated(.string)),
        ])
        message("PodOS", [
            1: ("name", .string),
        ])
        message("PodSchedulingGate", [
            1: ("name", .string),
        ])
        message("PodResourceClaim", [
            1: ("name", .string),
            3: ("resourceClaimName", .string),
            4: ("resourceClaimTemplateName", .string),
        ])
        message("PodSchedulingGroup", [
            1: ("podGroupName", .string),
        ])
        message("EvictionResponder", [
            1: ("name", .string),
            2: ("priority", .int32),
        ])
        message("PodStatus", [
            1: ("phase", .string.omitEmpty),
            2: ("conditions", .repeated(.message("PodCondition"))),
            3: ("message", .string.omitEmpty),
            4: ("reason", .string.omitEmpty),
            5: ("hostIP", .string.omitEmpty),
            6: ("podIP", .string.omitEmpty),
            7: ("startTime", .time),
            8: ("containerStatuses", .repeated(.message("ContainerStatus"))),
            9: ("qosClass", .string.omitEmpty),
            10: ("initContainerStatuses", .repeated(.message("ContainerStatus"))),
            11: ("nominatedNodeName", .string.omitEmpty),
            12: ("podIPs", .repeated(.message("PodIP"))),
            13: ("ephemeralContainerStatuses", .repeated(.message("ContainerStatus"))),
            14: ("resize", .string.omitEmpty),
            15: ("resourceClaimStatuses", .repeated(.message("PodResourceClaimStatus"))),
            16: ("hostIPs", .repeated(.message("HostIP"))),
            17: ("observedGeneration", .int64.omitEmpty),
            18: ("extendedResourceClaimStatus", .message("PodExtendedResourceClaimStatus")),
            19: ("allocatedResources", .map(.quantity)),
            20: ("resources", .message("ResourceRequirements")),
            21: ("nodeAllocatableResourceClaimStatuses", .repeated(.message("NodeAllocatableResourceClaimStatus"))),
            22: ("volumeHealth", .repeated(.message("PodVolumeHealth"))),
        ])
        message("PodCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastProbeTime", .time),
            4: ("lastTransitionTime", .time),
            5: ("reason", .string.omitEmpty),
            6: ("message", .string.omitEmpty),
            7: ("observedGeneration", .int64.omitEmpty),
        ])
        message("HostIP", [
            1: ("ip", .string),
        ])
        message("PodIP", [
            1: ("ip", .string),
        ])
        message("ContainerStatus", [
            1: ("name", .string),
            2: ("state", .message("ContainerState")),
            3: ("lastState", .message("ContainerState")),
            4: ("ready", .bool),
            5: ("restartCount", .int32),
            6: ("image", .string),
            7: ("imageID", .string),
            8: ("containerID", .string.omitEmpty),
            9: ("started", .bool),
            10: ("allocatedResources", .map(.quantity)),
            11: ("resources", .message("ResourceRequirements")),
            12: ("volumeMounts", .repeated(.message("VolumeMountStatus"))),
            13: ("user", .message("ContainerUser")),
            14: ("allocatedResourcesStatus", .repeated(.message("ResourceStatus"))),
            15: ("stopSignal", .string),
        ])
        message("ContainerState", [
            1: ("waiting", .message("ContainerStateWaiting")),
            2: ("running", .message("ContainerStateRunning")),
            3: ("terminated", .message("ContainerStateTerminated")),
        ])
        message("ContainerStateWaiting", [
            1: ("reason", .string.omitEmpty),
            2: ("message", .string.omitEmpty),
        ])
        message("ContainerStateRunning", [
            1: ("startedAt", .time),
        ])
        message("ContainerStateTerminated", [
            1: ("exitCode", .int32),
            2: ("signal", .int32.omitEmpty),
            3: ("reason", .string.omitEmpty),
            4: ("message", .string.omitEmpty),
            5: ("startedAt", .time),
            6: ("finishedAt", .time),
            7: ("containerID", .string.omitEmpty),
        ])
        message("VolumeMountStatus", [
            1: ("name", .string),
            2: ("mountPath", .string),
            3: ("readOnly", .bool.omitEmpty),
            4: ("recursiveReadOnly", .string),
            5: ("volumeStatus", .message("VolumeStatus")),
        ])
        message("VolumeStatus", [
            1: ("image", .message("ImageVolumeStatus")),
        ])
        message("ImageVolumeStatus", [
            1: ("imageRef", .string.omitEmpty),
        ])
        message("ContainerUser", [
            1: ("linux", .message("LinuxContainerUser")),
        ])
        message("LinuxContainerUser", [
            1: ("uid", .int64),
            2: ("gid", .int64),
            3: ("supplementalGroups", .repeated(.int64)),
        ])
        message("ResourceStatus", [
            1: ("name", .string),
            2: ("resources", .repeated(.message("ResourceHealth"))),
        ])
        message("ResourceHealth", [
            1: ("resourceID", .string),
            2: ("health", .string.omitEmpty),
            6: ("message", .string),
        ])
        message("PodResourceClaimStatus", [
            1: ("name", .string),
            2: ("resourceClaimName", .string),
        ])
        message("PodExtendedResourceClaimStatus", [
            1: ("requestMappings", .repeated(.message("ContainerExtendedResourceRequest"))),
            2: ("resourceClaimName", .string),
        ])
        message("ContainerExtendedResourceRequest", [
            1: ("containerName", .string),
            2: ("resourceName", .string),
            3: ("requestName", .string),
        ])
        message("NodeAllocatableResourceClaimStatus", [
            1: ("resourceClaimName", .string),
            2: ("containers", .repeated(.string)),
            4: ("mapping", .repeated(.message("NodeAllocatableMappedResources"))),
            5: ("overhead", .repeated(.message("NodeAllocatableOverheadResources"))),
        ])
        message("NodeAllocatableMappedResources", [
            1: ("name", .string),
            2: ("quantity", .quantity),
        ])
        message("NodeAllocatableOverheadResources", [
            1: ("name", .string),
            2: ("perPod", .quantity),
            3: ("perContainer", .quantity),
        ])
        message("PodVolumeHealth", [
            1: ("name", .string),
            2: ("healthConditions", .repeated(.message("VolumeHealthCondition"))),
            3: ("lastTransitionTime", .time),
        ])
        message("VolumeHealthCondition", [
            1: ("status", .string),
            2: ("reason", .string),
            3: ("message", .string.omitEmpty),
        ])
        message("ResourceQuota", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("ResourceQuotaSpec")),
            3: ("status", .message("ResourceQuotaStatus")),
        ])
        message("ResourceQuotaSpec", [
            1: ("hard", .map(.quantity)),
            2: ("scopes", .repeated(.string)),
            3: ("scopeSelector", .message("ScopeSelector")),
        ])
        message("ScopeSelector", [
            1: ("matchExpressions", .repeated(.message("ScopedResourceSelectorRequirement"))),
        ])
        message("ScopedResourceSelectorRequirement", [
            1: ("scopeName", .string),
            2: ("operator", .string),
            3: ("values", .repeated(.string)),
        ])
        message("ResourceQuotaStatus", [
            1: ("hard", .map(.quantity)),
            2: ("used", .map(.quantity)),
        ])
        message("Endpoints", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("subsets", .repeated(.message("EndpointSubset"))),
        ])
        message("EndpointSubset", [
            1: ("addresses", .repeated(.message("EndpointAddress"))),
            2: ("notReadyAddresses", .repeated(.message("EndpointAddress"))),
            3: ("ports", .repeated(.message("EndpointPort"))),
        ])
        message("EndpointAddress", [
            1: ("ip", .string),
            2: ("targetRef", .message("ObjectReference")),
            3: ("hostname", .string.omitEmpty),
            4: ("nodeName", .string),
        ])
        message("EndpointPort", [
            1: ("name", .string.omitEmpty),
            2: ("port", .int32),
            3: ("protocol", .string.omitEmpty),
            4: ("appProtocol", .string),
        ])
        message("Event", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("involvedObject", .message("ObjectReference")),
            3: ("reason", .string.omitEmpty),
            4: ("message", .string.omitEmpty),
            5: ("source", .message("EventSource")),
            6: ("firstTimestamp", .time),
            7: ("lastTimestamp", .time),
            8: ("count", .int32.omitEmpty),
            9: ("type", .string.omitEmpty),
            10: ("eventTime", .microTime),
            11: ("series", .message("EventSeries")),
            12: ("action", .string.omitEmpty),
            13: ("related", .message("ObjectReference")),
            14: ("reportingComponent", .string),
            15: ("reportingInstance", .string),
        ])
        message("EventSource", [
            1: ("component", .string.omitEmpty),
            2: ("host", .string.omitEmpty),
        ])
        message("EventSeries", [
            1: ("count", .int32.omitEmpty),
            2: ("lastObservedTime", .microTime),
        ])
        message("PersistentVolumeClaim", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("PersistentVolumeClaimSpec")),
            3: ("status", .message("PersistentVolumeClaimStatus")),
        ])
        message("PersistentVolumeClaimStatus", [
            1: ("phase", .string.omitEmpty),
            2: ("accessModes", .repeated(.string)),
            3: ("capacity", .map(.quantity)),
            4: ("conditions", .repeated(.message("PersistentVolumeClaimCondition"))),
            5: ("allocatedResources", .map(.quantity)),
            7: ("allocatedResourceStatuses", .map(.string)),
            8: ("currentVolumeAttributesClassName", .string),
            9: ("modifyVolumeStatus", .message("ModifyVolumeStatus")),
            10: ("healthStatus", .message("VolumeHealthStatus")),
        ])
        message("PersistentVolumeClaimCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastProbeTime", .time),
            4: ("lastTransitionTime", .time),
            5: ("reason", .string.omitEmpty),
            6: ("message", .string.omitEmpty),
        ])
        message("ModifyVolumeStatus", [
            1: ("targetVolumeAttributesClassName", .string.omitEmpty),
            2: ("status", .string),
        ])
        message("VolumeHealthStatus", [
            1: ("healthConditions", .repeated(.message("VolumeHealthCondition"))),
            2: ("lastTransitionTime", .time),
        ])
        message("Node", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("NodeSpec")),
            3: ("status", .message("NodeStatus")),
        ])
        message("NodeSpec", [
            1: ("podCIDR", .string.omitEmpty),
            2: ("externalID", .string.omitEmpty),
            3: ("providerID", .string.omitEmpty),
            4: ("unschedulable", .bool.omitEmpty),
            5: ("taints", .repeated(.message("Taint"))),
            6: ("configSource", .message("NodeConfigSource")),
            7: ("podCIDRs", .repeated(.string)),
            8: ("podPreemptionPolicy", .message("NodePodPreemptionPolicy")),
        ])
        message("Taint", [
            1: ("key", .string),
            2: ("value", .string.omitEmpty),
            3: ("effect", .string),
            4: ("timeAdded", .time),
        ])
        message("NodeConfigSource", [
            2: ("configMap", .message("ConfigMapNodeConfigSource")),
        ])
        message("ConfigMapNodeConfigSource", [
            1: ("namespace", .string),
            2: ("name", .string),
            3: ("uid", .string.omitEmpty),
            4: ("resourceVersion", .string.omitEmpty),
            5: ("kubeletConfigKey", .string),
        ])
        message("NodePodPreemptionPolicy", [
            1: ("disableResizePreemption", .repeated(.string)),
        ])
        message("NodeStatus", [
            1: ("capacity", .map(.quantity)),
            2: ("allocatable", .map(.quantity)),
            3: ("phase", .string.omitEmpty),
            4: ("conditions", .repeated(.message("NodeCondition"))),
            5: ("addresses", .repeated(.message("NodeAddress"))),
            6: ("daemonEndpoints", .message("NodeDaemonEndpoints")),
            7: ("nodeInfo", .message("NodeSystemInfo")),
            8: ("images", .repeated(.message("ContainerImage"))),
            9: ("volumesInUse", .repeated(.string)),
            10: ("volumesAttached", .repeated(.message("AttachedVolume"))),
            11: ("config", .message("NodeConfigStatus")),
            12: ("runtimeHandlers", .repeated(.message("NodeRuntimeHandler"))),
            13: ("features", .message("NodeFeatures")),
            14: ("declaredFeatures", .repeated(.string)),
        ])
        message("NodeCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastHeartbeatTime", .time),
            4: ("lastTransitionTime", .time),
            5: ("reason", .string.omitEmpty),
            6: ("message", .string.omitEmpty),
        ])
        message("NodeAddress", [
            1: ("type", .string),
            2: ("address", .string),
        ])
        message("NodeDaemonEndpoints", [
            1: ("kubeletEndpoint", .message("DaemonEndpoint")),
        ])
        message("DaemonEndpoint", [
            1: ("Port", .int32),
        ])
        message("NodeSystemInfo", [
            1: ("machineID", .string),
            2: ("systemUUID", .string),
            3: ("bootID", .string),
            4: ("kernelVersion", .string),
            5: ("osImage", .string),
            6: ("containerRuntimeVersion", .string),
            7: ("kubeletVersion", .string),
            8: ("kubeProxyVersion", .string),
            9: ("operatingSystem", .string),
            10: ("architecture", .string),
            11: ("swap", .message("NodeSwapStatus")),
        ])
        message("NodeSwapStatus", [
            1: ("capacity", .int64),
        ])
        message("ContainerImage", [
            1: ("names", .repeated(.string)),
            2: ("sizeBytes", .int64.omitEmpty),
        ])
        message("AttachedVolume", [
            1: ("name", .string),
            2: ("devicePath", .string),
        ])
        message("NodeConfigStatus", [
            1: ("assigned", .message("NodeConfigSource")),
            2: ("active", .message("NodeConfigSource")),
            3: ("lastKnownGood", .message("NodeConfigSource")),
            4: ("error", .string.omitEmpty),
        ])
        message("NodeRuntimeHandler", [
            1: ("name", .string),
            2: ("features", .message("NodeRuntimeHandlerFeatures")),
        ])
        message("NodeRuntimeHandlerFeatures", [
            1: ("recursiveReadOnlyMounts", .bool),
            2: ("userNamespaces", .bool),
        ])
        message("NodeFeatures", [
            1: ("supplementalGroupsPolicy", .bool),
        ])
        message("Binding", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("target", .message("ObjectReference")),
        ])
        message("PodTemplateSpec", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("PodSpec")),
        ])
        message("TopologySelectorTerm", [
            1: ("matchLabelExpressions", .repeated(.message("TopologySelectorLabelRequirement"))),
        ])
        message("TopologySelectorLabelRequirement", [
            1: ("key", .string),
            2: ("values", .repeated(.string)),
        ])
        declareCoreV1VolumesAndControllers()
    }

    /// core/v1 PersistentVolume (with the persistent volume sources the Pod volume sources do not cover),
    /// LimitRange, ReplicationController, PodTemplate.
    private mutating func declareCoreV1VolumesAndControllers() {
        inPackage("io.k8s.api.core.v1")
        message("PersistentVolume", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("PersistentVolumeSpec")),
            3: ("status", .message("PersistentVolumeStatus")),
        ])
        message("PersistentVolumeSpec", [
            1: ("capacity", .map(.quantity)),
            2: ("persistentVolumeSource", .inline("PersistentVolumeSource")),
            3: ("accessModes", .repeated(.string)),
            4: ("claimRef", .message("ObjectReference")),
            5: ("persistentVolumeReclaimPolicy", .string.omitEmpty),
            6: ("storageClassName", .string.omitEmpty),
            7: ("mountOptions", .repeated(.string)),
            8: ("volumeMode", .string),
            9: ("nodeAffinity", .message("VolumeNodeAffinity")),
            10: ("volumeAttributesClassName", .string),
        ])
        message("PersistentVolumeSource", [
            1: ("gcePersistentDisk", .message("GCEPersistentDiskVolumeSource")),
            2: ("awsElasticBlockStore", .message("AWSElasticBlockStoreVolumeSource")),
            3: ("hostPath", .message("HostPathVolumeSource")),
            4: ("glusterfs", .message("GlusterfsPersistentVolumeSource")),
            5: ("nfs", .message("NFSVolumeSource")),
            6: ("rbd", .message("RBDPersistentVolumeSource")),
            7: ("iscsi", .message("ISCSIPersistentVolumeSource")),
            8: ("cinder", .message("CinderPersistentVolumeSource")),
            9: ("cephfs", .message("CephFSPersistentVolumeSource")),
            10: ("fc", .message("FCVolumeSource")),
            11: ("flocker", .message("FlockerVolumeSource")),
            12: ("flexVolume", .message("FlexPersistentVolumeSource")),
            13: ("azureFile", .message("AzureFilePersistentVolumeSource")),
            14: ("vsphereVolume", .message("VsphereVirtualDiskVolumeSource")),
            15: ("quobyte", .message("QuobyteVolumeSource")),
            16: ("azureDisk", .message("AzureDiskVolumeSource")),
            17: ("photonPersistentDisk", .message("PhotonPersistentDiskVolumeSource")),
            18: ("portworxVolume", .message("PortworxVolumeSource")),
            19: ("scaleIO", .message("ScaleIOPersistentVolumeSource")),
            20: ("local", .message("LocalVolumeSource")),
            21: ("storageos", .message("StorageOSPersistentVolumeSource")),
            22: ("csi", .message("CSIPersistentVolumeSource")),
        ])
        message("GlusterfsPersistentVolumeSource", [
            1: ("endpoints", .string),
            2: ("path", .string),
            3: ("readOnly", .bool.omitEmpty),
            4: ("endpointsNamespace", .string),
        ])
        message("RBDPersistentVolumeSource", [
            1: ("monitors", .repeated(.string)),
            2: ("image", .string),
            3: ("fsType", .string.omitEmpty),
            4: ("pool", .string.omitEmpty),
            5: ("user", .string.omitEmpty),
            6: ("keyring", .string.omitEmpty),
            7: ("secretRef", .message("SecretReference")),
            8: ("readOnly", .bool.omitEmpty),
        ])
        message("ISCSIPersistentVolumeSource", [
            1: ("targetPortal", .string),
            2: ("iqn", .string),
            3: ("lun", .int32),
            4: ("iscsiInterface", .string.omitEmpty),
            5: ("fsType", .string.omitEmpty),
            6: ("readOnly", .bool.omitEmpty),
            7: ("portals", .repeated(.string)),
            8: ("chapAuthDiscovery", .bool.omitEmpty),
            10: ("secretRef", .message("SecretReference")),
            11: ("chapAuthSession", .bool.omitEmpty),
            12: ("initiatorName", .string),
        ])
        message("CinderPersistentVolumeSource", [
            1: ("volumeID", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("readOnly", .bool.omitEmpty),
            4: ("secretRef", .message("SecretReference")),
        ])
        message("CephFSPersistentVolumeSource", [
            1: ("monitors", .repeated(.string)),
            2: ("path", .string.omitEmpty),
            3: ("user", .string.omitEmpty),
            4: ("secretFile", .string.omitEmpty),
            5: ("secretRef", .message("SecretReference")),
            6: ("readOnly", .bool.omitEmpty),
        ])
        message("FlexPersistentVolumeSource", [
            1: ("driver", .string),
            2: ("fsType", .string.omitEmpty),
            3: ("secretRef", .message("SecretReference")),
            4: ("readOnly", .bool.omitEmpty),
            5: ("options", .map(.string)),
        ])
        message("AzureFilePersistentVolumeSource", [
            1: ("secretName", .string),
            2: ("shareName", .string),
            3: ("readOnly", .bool.omitEmpty),
            4: ("secretNamespace", .string),
        ])
        message("ScaleIOPersistentVolumeSource", [
            1: ("gateway", .string),
            2: ("system", .string),
            3: ("secretRef", .message("SecretReference")),
            4: ("sslEnabled", .bool.omitEmpty),
            5: ("protectionDomain", .string.omitEmpty),
            6: ("storagePool", .string.omitEmpty),
            7: ("storageMode", .string.omitEmpty),
            8: ("volumeName", .string.omitEmpty),
            9: ("fsType", .string.omitEmpty),
            10: ("readOnly", .bool.omitEmpty),
        ])
        message("LocalVolumeSource", [
            1: ("path", .string),
            2: ("fsType", .string),
        ])
        message("StorageOSPersistentVolumeSource", [
            1: ("volumeName", .string.omitEmpty),
            2: ("volumeNamespace", .string.omitEmpty),
            3: ("fsType", .string.omitEmpty),
            4: ("readOnly", .bool.omitEmpty),
            5: ("secretRef", .message("ObjectReference")),
        ])
        message("CSIPersistentVolumeSource", [
            1: ("driver", .string),
            2: ("volumeHandle", .string),
            3: ("readOnly", .bool.omitEmpty),
            4: ("fsType", .string.omitEmpty),
            5: ("volumeAttributes", .map(.string)),
            6: ("controllerPublishSecretRef", .message("SecretReference")),
            7: ("nodeStageSecretRef", .message("SecretReference")),
            8: ("nodePublishSecretRef", .message("SecretReference")),
            9: ("controllerExpandSecretRef", .message("SecretReference")),
            10: ("nodeExpandSecretRef", .message("SecretReference")),
        ])
        message("SecretReference", [
            1: ("name", .string.omitEmpty),
            2: ("namespace", .string.omitEmpty),
        ])
        message("VolumeNodeAffinity", [
            1: ("required", .message("NodeSelector")),
        ])
        message("PersistentVolumeStatus", [
            1: ("phase", .string.omitEmpty),
            2: ("message", .string.omitEmpty),
            3: ("reason", .string.omitEmpty),
            4: ("lastPhaseTransitionTime", .time),
        ])
        message("LimitRange", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("LimitRangeSpec")),
        ])
        message("LimitRangeSpec", [
            1: ("limits", .repeated(.message("LimitRangeItem"))),
        ])
        message("LimitRangeItem", [
            1: ("type", .string),
            2: ("max", .map(.quantity)),
            3: ("min", .map(.quantity)),
            4: ("default", .map(.quantity)),
            5: ("defaultRequest", .map(.quantity)),
            6: ("maxLimitRequestRatio", .map(.quantity)),
        ])
        message("ReplicationController", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("ReplicationControllerSpec")),
            3: ("status", .message("ReplicationControllerStatus")),
        ])
        message("ReplicationControllerSpec", [
            1: ("replicas", .int32),
            2: ("selector", .map(.string)),
            3: ("template", .message("PodTemplateSpec")),
            4: ("minReadySeconds", .int32.omitEmpty),
        ])
        message("ReplicationControllerStatus", [
            1: ("replicas", .int32),
            2: ("fullyLabeledReplicas", .int32.omitEmpty),
            3: ("observedGeneration", .int64.omitEmpty),
            4: ("readyReplicas", .int32.omitEmpty),
            5: ("availableReplicas", .int32.omitEmpty),
            6: ("conditions", .repeated(.message("ReplicationControllerCondition"))),
        ])
        message("ReplicationControllerCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
        ])
        message("PodTemplate", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("template", .message("PodTemplateSpec")),
        ])
    }
}
